package dev.handoff.server;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Refuses a request whose path or query has a broken percent-escape ({@code %ZZ}) with a 400
 * problem, before Jersey's Grizzly container — which would answer it with a bare 500 — sees it.
 */
final class WellFormedUris extends HttpHandler {

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final String PROBLEM = "{\"type\":\"https://handoff.dev/problems/invalid-input\","
            + "\"title\":\"Invalid input\",\"status\":400,"
            + "\"detail\":\"the request URI has a malformed percent-escape\"}";

    private final HttpHandler next;

    WellFormedUris(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (malformed(request.getRequestURI()) || malformed(request.getQueryString())) {
            response.setStatus(400);
            response.setContentType("application/problem+json");
            response.getWriter().write(PROBLEM);
            return;
        }
        next.service(request, response);
    }

    @Override
    public void start() {
        next.start();
    }

    @Override
    public void destroy() {
        next.destroy();
    }

    private static boolean malformed(String raw) throws IOException {
        if (raw == null || raw.indexOf('%') < 0) {
            return false;
        }
        if (BROKEN_ESCAPE.matcher(raw).find()) {
            return true;
        }
        try {
            URLDecoder.decode(raw, StandardCharsets.UTF_8);
            return false;
        } catch (IllegalArgumentException undecodable) {
            return true;
        }
    }
}
