package com.wifibilling.core.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.wifibilling.core.WireName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one shared Jackson mapper (built once per container). Instants are ISO-8601 UTC strings (DESIGN §3),
 * enums are their {@link WireName} as items store them ({@code awaiting-login}; no other spelling reads), nulls
 * are left out, unknown request fields are ignored, and what a client can send is bounded: nesting depth, string
 * length and number length, so a hostile body costs little before it is refused.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, new InstantSerializer())
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .addModule(wireNames())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(65_536).maxNumberLength(40).build());
    }

    private Json() {}

    /** Returns the module that writes and reads every enum type through {@link WireName}. */
    private static SimpleModule wireNames() {
        var module = new SimpleModule("wire-names").addSerializer(new WireNameSerializer());
        module.setDeserializers(new WireNameDeserializers());
        return module;
    }

    /** Returns the JSON text of {@code value}; our own types always serialize. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return Instant.parse(parser.getValueAsString());
            } catch (DateTimeParseException | NullPointerException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(), "expected an ISO-8601 UTC time");
            }
        }
    }

    /** Writes every enum as its WireName. */
    private static final class WireNameSerializer extends StdSerializer<Enum<?>> {
        WireNameSerializer() {
            super(Enum.class, false);
        }

        @Override
        public void serialize(Enum<?> value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(WireName.of(value));
        }
    }

    /** Returns a WireName reader for whichever enum type a value has. */
    private static final class WireNameDeserializers extends SimpleDeserializers {
        @Override
        public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config, BeanDescription description) {
            return new WireNameDeserializer(type);
        }
    }

    /** Reads one enum type from its WireName; anything else is the client's mistake, naming the field. */
    private static final class WireNameDeserializer extends JsonDeserializer<Enum<?>> {
        private final Class<?> type;

        WireNameDeserializer(Class<?> type) {
            this.type = type;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Enum<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) return (Enum<?>) context.handleUnexpectedToken(type, parser);
            try {
                return WireName.parse((Class) type, parser.getText());
            } catch (IllegalArgumentException e) {
                return (Enum<?>) context.handleWeirdStringValue(type, parser.getText(), "not a %s", type.getSimpleName());
            }
        }
    }
}
