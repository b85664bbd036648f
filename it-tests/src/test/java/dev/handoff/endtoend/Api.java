package dev.handoff.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** A REST client of the running server, as an agent would be: HTTP, JSON and an API key. */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    public Api(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    String key() {
        return apiKey;
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Reply send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException failure) {
            throw new IllegalStateException(method + " " + path + " failed: " + failure, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Creates a handoff from the seed's body with {@code overrides}; returns its id. */
    public String create(String overrides) {
        Reply created = post("/api/handoffs", seedBody(overrides));
        if (created.status() != 201) {
            throw new IllegalStateException("create refused: " + created.status() + " " + created.body());
        }
        return created.field("id");
    }

    /** Polls until the handoff reaches {@code wanted} or patience runs out; returns the last status seen. */
    String awaitStatus(String id, String wanted, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        String status = get("/api/handoffs/" + id).field("status");
        while (!wanted.equals(status) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            status = get("/api/handoffs/" + id).field("status");
        }
        return status;
    }

    /** The seed's create body, with some fields replaced or added. */
    public static String seedBody(String overrides) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree("""
                    {"fromProfileId": "analyst-agent", "toProfileId": "reviewer-agent",
                     "subject": "Analysis complete", "body": "Please review."}""");
            body.setAll((ObjectNode) JSON.readTree(overrides));
            return body.toString();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                throw new IllegalStateException("not JSON: " + body, notJson);
            }
        }

        public String field(String name) {
            JsonNode value = json().get(name);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
