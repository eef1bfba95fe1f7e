package com.wifibilling.local;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.pkg.TimePackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code config/packages.json} (or another file of that shape): a JSON array of packages, each checked by
 * {@link TimePackage}'s own validation. Read by the runtime's seeding and by {@code scripts/seed-packages}.
 */
public final class PackagesFile {
    private PackagesFile() {}

    /**
     * Returns the file's packages in file order; throws {@link ConfigException} naming the file and, where it
     * can, the field at fault ({@code packages.json: priceKES must be …}, {@code … at [0].name}).
     */
    public static List<TimePackage> read(Path packagesJson) {
        try {
            return List.of(Json.MAPPER.readValue(Files.readString(packagesJson), TimePackage[].class));
        } catch (ApiException e) { // a record's own validation, naming the field
            throw new ConfigException(packagesJson + ": " + e.getMessage());
        } catch (JacksonException e) {
            if (e.getCause() instanceof ApiException invalid) throw new ConfigException(packagesJson + ": " + invalid.getMessage());
            String where = e instanceof JsonMappingException mapping ? " at " + mapping.getPath().stream()
                    .map(r -> r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "." + r.getFieldName())
                    .collect(Collectors.joining()) : "";
            String why = e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Cannot map `null`")
                    ? "missing or null" : e.getOriginalMessage(); // a number or true/false left out: not Jackson's advice
            throw new ConfigException(packagesJson + " is not a JSON array of packages" + where + ": " + why);
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + packagesJson + ": " + e.getMessage());
        }
    }
}
