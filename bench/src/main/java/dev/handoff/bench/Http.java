package dev.handoff.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The load generator's HTTP client: one for the whole run, HTTP/1.1 with keep-alive, so that each
 * virtual user keeps its connection as a real client would.
 */
final class Http {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** A status outside 2xx; counted as an error. */
    static final class UnexpectedReply extends IOException {
        UnexpectedReply(String method, URI uri, int status, String body) {
            super(method + " " + uri.getRawPath() + " answered " + status + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();

    /** The answer's body, if its status is a success (2xx). */
    String send(String method, URI uri, String apiKey, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new UnexpectedReply(method, uri, response.statusCode(), response.body());
        }
        return response.body();
    }

    /** One system, with the API key every request carries (none for the references). */
    Endpoint endpoint(URI baseUrl, String apiKey) {
        return new Endpoint(this, baseUrl, apiKey);
    }

    /** Requests against one base URL. */
    record Endpoint(Http http, URI baseUrl, String apiKey) {

        String get(String pathAndQuery) throws IOException, InterruptedException {
            return http.send("GET", baseUrl.resolve(pathAndQuery), apiKey, null);
        }

        String post(String path, String json) throws IOException, InterruptedException {
            return http.send("POST", baseUrl.resolve(path), apiKey, json);
        }

        String patch(String path, String json) throws IOException, InterruptedException {
            return http.send("PATCH", baseUrl.resolve(path), apiKey, json);
        }
    }
}
