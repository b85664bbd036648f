package dev.handoff.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.domain.model.ApiKeyId;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.port.in.IssueApiKeyCommand;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Key administration through the server that holds the embedded database, over loopback. */
final class RemoteKeys implements KeyAdministration {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final AdminAccess access;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    RemoteKeys(AdminAccess access) {
        this.access = access;
    }

    /** Whether the server that published {@code access} answers. */
    static boolean answers(AdminAccess access) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + access.port() + "/health?probe=live"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException unreachable) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public KeyView issue(IssueApiKeyCommand command) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", command.tenant().accountId());
        body.put("project", command.tenant().projectId());
        body.put("region", command.region());
        body.put("scopes", command.scopes().stream().sorted().map(Scope::wireName).toList());
        return send("POST", "", body, new TypeReference<>() { });
    }

    @Override
    public List<KeyView> list() {
        return send("GET", "", null, new TypeReference<>() { });
    }

    @Override
    public KeyView revoke(ApiKeyId id) {
        return send("DELETE", "/" + id.value(), null, new TypeReference<>() { });
    }

    @Override
    public void close() {
        // nothing held between requests
    }

    private <T> T send(String method, String path, Object body, TypeReference<T> type) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + access.port() + "/admin/keys" + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("x-admin-token", access.token())
                    .header("Content-Type", "application/json")
                    .method(method, publisher)
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 300) {
                Map<String, Object> problem = JSON.readValue(response.body(), new TypeReference<>() { });
                throw new CommandLine.UsageError(String.valueOf(problem.getOrDefault("detail",
                        "the server refused: HTTP " + response.statusCode())));
            }
            return JSON.readValue(response.body(), type);
        } catch (IOException failure) {
            throw new IllegalStateException("the running server did not answer: " + failure.getMessage(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }
}
