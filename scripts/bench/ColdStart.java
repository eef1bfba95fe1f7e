import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Cold start of one API handler in a fresh JVM whose class path holds the function's deployable jar and this
 * class only: constructs the handler as Lambda does (public no-arg constructor, which reads the process
 * environment), sends one GET, and prints the timings. `Done` is loaded right after the response, so a
 * -Xlog:class+load log cut at it counts the classes the cold path needed.
 * Usage: java -cp function.jar:DIR ColdStart <handler class> <path>
 */
public class ColdStart {
    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        String path = args[1];
        @SuppressWarnings("unchecked")
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName(args[0]).getConstructor().newInstance();
        long initDone = System.currentTimeMillis();
        var event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET " + path).withRawPath(path)
                .withRawQueryString("").withHeaders(Map.of("accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("cold-start")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path)
                                .withSourceIp("127.0.0.1").build()).build())
                .withIsBase64Encoded(false).build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        long responded = System.currentTimeMillis();
        new Done().mark();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.printf("{\"status\":%d,\"jvmStartToResponseMs\":%d,\"jvmStartToMainMs\":%d,\"initMs\":%d,\"firstInvokeMs\":%d,\"bodyBytes\":%d}%n",
                response.getStatusCode(), responded - jvmStart, mainAt - jvmStart, initDone - mainAt, responded - initDone,
                response.getBody().length());
    }

    static final class Done {
        void mark() {}
    }
}
