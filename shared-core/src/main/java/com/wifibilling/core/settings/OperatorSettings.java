package com.wifibilling.core.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.wifibilling.core.Phone;
import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.event.EventStore;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operator-editable settings (DESIGN §4, Settings): the portal's branding and the notification toggles, kept
 * as one JSON document under {@value #KEY} so a save is one conditional write and two admins never overwrite each
 * other unknowingly ({@code version}, 409 {@code STALE_SETTINGS}). Until the first save the defaults apply.
 * Every save is recorded in the audit log.
 */
public final class OperatorSettings {
    static final String KEY = "operator";
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    public static final Branding DEFAULT_BRANDING = new Branding("WiFi Hotspot", "#0b6e4f", "#f2a900", null);
    public static final Notifications DEFAULT_NOTIFICATIONS = new Notifications(true, true);

    private final SettingsStore store;
    private final EventStore events;
    private final Clock clock;

    public OperatorSettings(SettingsStore store, EventStore events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** How the portal presents the hotspot: its name, two colours ({@code #rrggbb}) and a support phone (or null). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Branding(String portalName, String primaryColor, String accentColor, String supportPhone) {}

    /** Whether buyers get an SMS receipt after each purchase, and whether admins may send vouchers by SMS. */
    public record Notifications(Boolean smsReceipts, Boolean voucherSms) {}

    /** The settings as stored: {@code version} 0 (and no author) until the first save. */
    public record Current(Branding branding, Notifications notifications, long version, Instant updatedAt, String updatedBy) {}

    /** A save: the version it was read at and the fields to change (absent or null ones keep their value). */
    public record Change(Long version, Branding branding, Notifications notifications) {}

    /** Stored form: the two groups only (version and author live on the Setting item). */
    private record Document(Branding branding, Notifications notifications) {}

    /** Returns the settings, strongly consistent, with defaults until the first save. */
    public Current current() {
        return store.find(KEY).map(OperatorSettings::read)
                .orElseGet(() -> new Current(DEFAULT_BRANDING, DEFAULT_NOTIFICATIONS, 0, null, null));
    }

    /**
     * Returns the settings after applying {@code change} as {@code actor}: every field is checked before anything is
     * written (400 naming it, e.g. {@code branding.primaryColor}); 409 {@code STALE_SETTINGS} when someone saved
     * since {@code change.version}.
     */
    public Current save(Change change, String actor) {
        if (change == null || change.version() == null) throw ApiException.invalidField("version", "version is the one the settings were read at");
        Current read = current();
        Branding branding = merge(read.branding(), change.branding());
        Notifications notifications = merge(read.notifications(), change.notifications());
        if (change.version() != read.version()) throw stale();
        Instant now = clock.instant();
        String value;
        try {
            value = Json.MAPPER.writeValueAsString(new Document(branding, notifications));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Settings could not be written as JSON", impossible);
        }
        Setting written = store.put(KEY, value, read.version(), actor, now).orElseThrow(OperatorSettings::stale);
        events.record(AuditEvent.of(now, "admin.settings.updated", actor, KEY, null, Map.of("version", Long.toString(written.version()),
                "portalName", branding.portalName(), "smsReceipts", notifications.smsReceipts().toString(),
                "voucherSms", notifications.voucherSms().toString())));
        return read(written);
    }

    private static Branding merge(Branding was, Branding change) {
        if (change == null) return was;
        String name = change.portalName() == null ? was.portalName() : change.portalName().strip();
        if (name.isEmpty() || name.length() > 40 || name.chars().anyMatch(Character::isISOControl))
            throw ApiException.invalidField("branding.portalName", "portalName is 1 to 40 characters");
        String primary = colour(change.primaryColor(), was.primaryColor(), "branding.primaryColor");
        String accent = colour(change.accentColor(), was.accentColor(), "branding.accentColor");
        String phone = was.supportPhone();
        if (change.supportPhone() != null) {
            phone = change.supportPhone().isBlank() ? null : supportPhone(change.supportPhone());
        }
        return new Branding(name, primary, accent, phone);
    }

    private static String supportPhone(String value) {
        try {
            return Phone.parse(value).msisdn();
        } catch (ApiException invalid) {
            throw new ApiException(400, "INVALID_PHONE", "supportPhone is a Kenyan phone number such as 0712345678", "branding.supportPhone", Map.of());
        }
    }

    private static String colour(String value, String was, String field) {
        if (value == null) return was;
        if (!COLOUR.matcher(value.strip()).matches()) throw ApiException.invalidField(field, "colours are written #rrggbb, like #0b6e4f");
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static Notifications merge(Notifications was, Notifications change) {
        if (change == null) return was;
        return new Notifications(change.smsReceipts() == null ? was.smsReceipts() : change.smsReceipts(),
                change.voucherSms() == null ? was.voucherSms() : change.voucherSms());
    }

    private static Current read(Setting setting) {
        Document document;
        try {
            document = Json.MAPPER.readValue(setting.value(), Document.class);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("The stored operator settings are not the expected JSON", corrupt);
        }
        // Groups or fields missing from an older document take today's defaults.
        Branding b = merge(DEFAULT_BRANDING, document.branding());
        Notifications n = merge(DEFAULT_NOTIFICATIONS, document.notifications());
        return new Current(b, n, setting.version(), setting.updatedAt(), setting.updatedBy());
    }

    private static ApiException stale() {
        return ApiException.conflict("STALE_SETTINGS", "Someone saved the settings since you opened them: reload and apply your change again");
    }
}
