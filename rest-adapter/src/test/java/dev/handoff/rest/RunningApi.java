package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.domain.fake.InMemoryHandoffWorld;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.IssueApiKeyCommand;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The production {@code ResourceConfig} in a real Grizzly server on a free port, over the real
 * use cases on in-memory ports, and a small HTTP client for it.
 */
final class RunningApi implements AutoCloseable {

    static final String REGION = "us-1";
    static final Tenant TENANT = new Tenant("ACCOUNT-acme", "PROJECT-support");

    final InMemoryHandoffWorld world = new InMemoryHandoffWorld();
    final URI base;
    /** A key of {@link #TENANT} in {@link #REGION} with every scope. */
    final String key;
    private final HttpServer server;
    /** HTTP/1.1, as the server speaks it: the client never tries an upgrade. */
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private RunningApi(RestSettings settings) {
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
                HandoffRestApi.resourceConfig(world.application, settings), false);
        try {
            server.start();
        } catch (IOException cannotListen) {
            throw new UncheckedIOException(cannotListen);
        }
        base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort());
        key = issueKey(TENANT, REGION, EnumSet.allOf(Scope.class));
    }

    static RunningApi start() {
        return new RunningApi(RestSettings.forRegion(REGION));
    }

    static RunningApi start(RestSettings settings) {
        return new RunningApi(settings);
    }

    String issueKey(Tenant tenant, String region, Set<Scope> scopes) {
        return world.application.manageApiKeys().issue(new IssueApiKeyCommand(tenant, region, scopes)).token();
    }

    /** How much the application has written so far; a refused request must leave it unchanged. */
    record Written(int handoffs, int handoffStates, int events, int processesStarted, int processSignals) {
    }

    Written written() {
        return new Written(world.handoffs.size(), world.handoffStates.size(), world.bus.events().size(),
                world.process.started().size(), world.process.signals().size());
    }

    Call call(String method, String path) {
        return new Call(method, path).header(ApiKeyFilter.HEADER, key);
    }

    Call get(String path) {
        return call("GET", path);
    }

    Call post(String path, String json) {
        return call("POST", path).json(json);
    }

    Call patch(String path, String json) {
        return call("PATCH", path).json(json);
    }

    /** One request being put together; {@link #send()} sends it. */
    final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call withoutHeader(String name) {
            headers.remove(name);
            return this;
        }

        Call json(String json) {
            return body("application/json", HttpRequest.BodyPublishers.ofString(json));
        }

        Call body(String contentType, HttpRequest.BodyPublisher publisher) {
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            body = publisher;
            return this;
        }

        Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, body);
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    /** What came back. */
    record Reply(int status, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            return RunningApi.json(body);
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst();
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            throw new AssertionError("not JSON: " + text, notJson);
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
