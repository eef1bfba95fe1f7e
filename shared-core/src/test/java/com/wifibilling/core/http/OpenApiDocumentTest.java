package com.wifibilling.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps docs/openapi.yaml true to the routed API and docs/API.md true to the document: the same route keys as
 * {@link ApiRoutes#ALL} (itself kept equal to template.yaml by {@link ApiRoutesTest}), every 4xx in the error shape
 * of DESIGN §3, every path parameter declared, every {@code $ref} resolvable, and API.md naming exactly the
 * documented routes.
 */
class OpenApiDocumentTest {
    private static final Path DOCUMENT = Path.of("docs", "openapi.yaml");
    private static final Path REFERENCE = Path.of("docs", "API.md");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final String ERROR_SCHEMA = "#/components/schemas/Error";
    /** The only 4xx answers not in the error shape (DESIGN §3): rlm_rest's reject. */
    private static final Set<String> CALLER_FORMAT = Set.of("POST /api/radius/authorize 401");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern ROUTE_IN_TEXT = Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE) (/api/[A-Za-z0-9_./{}-]*)");

    private static Map<String, Object> document;
    private static List<Operation> operations;

    /** One operation of the document: its route key ("POST /api/payment/initiate"), its path item and its body. */
    private record Operation(String key, String path, Map<String, Object> pathItem, Map<String, Object> body) {}

    @BeforeAll
    static void load() throws IOException {
        try (Reader reader = Files.newBufferedReader(RepoPaths.home().resolve(DOCUMENT), StandardCharsets.UTF_8)) {
            document = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader), DOCUMENT.toString());
        }
        operations = new ArrayList<>();
        map(document.get("paths"), "paths").forEach((path, item) -> {
            Map<String, Object> pathItem = map(item, path);
            pathItem.forEach((method, body) -> {
                if (METHODS.contains(method))
                    operations.add(new Operation(method.toUpperCase(Locale.ROOT) + " " + path, path, pathItem, map(body, method + " " + path)));
            });
        });
    }

    @Test
    void documentIsOpenApi31() {
        assertTrue(String.valueOf(document.get("openapi")).startsWith("3.1."), "docs/openapi.yaml must declare openapi: 3.1.x");
    }

    @Test
    void documentsExactlyTheRoutedRoutes() {
        Set<String> documented = new TreeSet<>();
        operations.forEach(op -> documented.add(op.key()));
        Set<String> undocumented = new TreeSet<>(ApiRoutes.ALL);
        undocumented.removeAll(documented);
        Set<String> unrouted = new TreeSet<>(documented);
        unrouted.removeAll(ApiRoutes.ALL);
        assertTrue(undocumented.isEmpty() && unrouted.isEmpty(), "docs/openapi.yaml and ApiRoutes.ALL differ:"
                + lines("routed but not in the document", undocumented) + lines("in the document but not routed", unrouted));
    }

    @Test
    void everyClientErrorAnswersTheErrorShape() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            responses(op).forEach((status, response) -> {
                if (!status.startsWith("4")) return;
                String where = op.key() + " " + status;
                boolean callerFormat = CALLER_FORMAT.contains(where);
                if (callerFormat != response.containsKey("x-caller-format"))
                    wrong.add(where + (callerFormat ? " must say x-caller-format" : " may not use x-caller-format"));
                if (!callerFormat && !answersError(response)) wrong.add(where + " does not answer " + ERROR_SCHEMA);
            });
        }
        assertEquals(List.of(), wrong, "4xx responses must use the error shape {\"error\":{\"code\",\"message\",\"field\"?}}");
    }

    @Test
    void everyOperationDeclaresItsSuccessAndTheInternalError() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            Map<String, Map<String, Object>> responses = responses(op);
            if (responses.keySet().stream().noneMatch(status -> status.startsWith("2"))) wrong.add(op.key() + " declares no 2xx");
            if (!responses.containsKey("500") || !answersError(responses.get("500"))) wrong.add(op.key() + " lacks 500 with the error shape");
        }
        assertEquals(List.of(), wrong);
    }

    /** An operation that takes parameters, a body or credentials can refuse them, so it must say how (some 4xx). */
    @Test
    void operationsThatTakeInputDeclareHowTheyRefuseIt() {
        List<String> silent = new ArrayList<>();
        for (Operation op : operations) {
            boolean takesInput = !parameters(op).isEmpty() || op.body().containsKey("requestBody") || !isPublic(op);
            if (takesInput && responses(op).keySet().stream().noneMatch(status -> status.startsWith("4"))) silent.add(op.key());
        }
        assertEquals(List.of(), silent, "these operations take input but declare no 4xx");
    }

    @Test
    void everyPathParameterIsDeclaredAndRequired() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = PATH_PARAMETER.matcher(op.path());
            while (m.find()) inTemplate.add(m.group(1));
            Set<String> declared = new TreeSet<>();
            for (Map<String, Object> parameter : parameters(op)) {
                if (!"path".equals(parameter.get("in"))) continue;
                declared.add(String.valueOf(parameter.get("name")));
                if (!Boolean.TRUE.equals(parameter.get("required"))) wrong.add(op.key() + ": path parameter " + parameter.get("name") + " must be required");
            }
            if (!declared.equals(inTemplate)) wrong.add(op.key() + ": template has " + inTemplate + ", declared " + declared);
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyOperationHasOneKnownTagAndAUniqueId() {
        Set<String> tags = new TreeSet<>();
        for (Object tag : list(document.get("tags"))) tags.add(String.valueOf(map(tag, "tag").get("name")));
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (Operation op : operations) {
            List<Object> opTags = list(op.body().get("tags"));
            if (opTags.size() != 1 || !tags.contains(String.valueOf(opTags.get(0)))) wrong.add(op.key() + " has tags " + opTags);
            Object id = op.body().get("operationId");
            if (id == null || !ids.add(id.toString())) wrong.add(op.key() + " has a missing or repeated operationId " + id);
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectReferences(document, broken);
        assertEquals(List.of(), broken, "unresolvable $ref in docs/openapi.yaml");
    }

    /** API.md is written by hand for people; it must name every documented route, and no other. */
    @Test
    void referenceNamesExactlyTheDocumentedRoutes() throws IOException {
        String text = Files.readString(RepoPaths.home().resolve(REFERENCE), StandardCharsets.UTF_8);
        Set<String> named = new TreeSet<>();
        Matcher m = ROUTE_IN_TEXT.matcher(text);
        while (m.find()) named.add(m.group(1) + " " + m.group(2));
        Set<String> documented = new TreeSet<>();
        operations.forEach(op -> documented.add(op.key()));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(named);
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(documented);
        assertTrue(missing.isEmpty() && unknown.isEmpty(), "docs/API.md and docs/openapi.yaml differ:"
                + lines("documented but not in API.md", missing) + lines("named in API.md but not documented", unknown));
    }

    // ------------------------------------------------------------------ helpers

    private static boolean isPublic(Operation op) {
        Object security = op.body().containsKey("security") ? op.body().get("security") : document.get("security");
        List<Object> requirements = list(security); // [] or a {} alternative: no credentials needed
        return requirements.isEmpty() || requirements.stream().anyMatch(requirement -> map(requirement, "security").isEmpty());
    }

    private static boolean answersError(Map<String, Object> response) {
        Object content = response.get("content");
        if (content == null) return false;
        Object json = map(content, "content").get("application/json");
        if (json == null) return false;
        Object schema = map(json, "application/json").get("schema");
        return schema != null && ERROR_SCHEMA.equals(map(schema, "schema").get("$ref"));
    }

    private static Map<String, Map<String, Object>> responses(Operation op) {
        Map<String, Map<String, Object>> resolved = new LinkedHashMap<>();
        Object responses = op.body().get("responses");
        if (responses == null) return resolved;
        map(responses, op.key() + " responses").forEach((status, response) -> resolved.put(status, resolve(response)));
        return resolved;
    }

    private static List<Map<String, Object>> parameters(Operation op) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object p : list(op.pathItem().get("parameters"))) all.add(resolve(p));
        for (Object p : list(op.body().get("parameters"))) all.add(resolve(p));
        return all;
    }

    /** Follows {@code $ref}s ("#/components/…") to the object they name. */
    private static Map<String, Object> resolve(Object node) {
        Map<String, Object> current = map(node, "node");
        for (int hops = 0; current.containsKey("$ref") && hops < 10; hops++) current = map(lookUp(String.valueOf(current.get("$ref"))), "$ref");
        return current;
    }

    private static Object lookUp(String reference) {
        if (!reference.startsWith("#/")) throw new AssertionError("only local references are used: " + reference);
        Object at = document;
        for (String part : reference.substring(2).split("/")) {
            if (!(at instanceof Map<?, ?> m)) return null;
            at = m.get(part.replace("~1", "/").replace("~0", "~"));
        }
        return at;
    }

    private static void collectReferences(Object node, List<String> broken) {
        if (node instanceof Map<?, ?> m) {
            Object ref = m.get("$ref");
            if (ref != null && lookUp(String.valueOf(ref)) == null) broken.add(String.valueOf(ref));
            m.values().forEach(value -> collectReferences(value, broken));
        } else if (node instanceof List<?> l) {
            l.forEach(value -> collectReferences(value, broken));
        }
    }

    private static String lines(String heading, Set<String> routes) {
        if (routes.isEmpty()) return "";
        StringBuilder text = new StringBuilder("\n  ").append(heading).append(" (").append(routes.size()).append("):");
        routes.forEach(route -> text.append("\n    ").append(route));
        return text.toString();
    }

    private static Map<String, Object> map(Object node, String what) {
        if (!(node instanceof Map<?, ?> m)) throw new AssertionError(what + " must be a mapping in docs/openapi.yaml, was " + node);
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    private static List<Object> list(Object node) {
        if (node == null) return List.of();
        if (!(node instanceof List<?> l)) throw new AssertionError("expected a list in docs/openapi.yaml, was " + node);
        return new ArrayList<>(l);
    }
}
