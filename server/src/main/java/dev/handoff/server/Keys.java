package dev.handoff.server;

import dev.handoff.domain.model.ApiKeyId;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.IssueApiKeyCommand;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** {@code bin/handoff keys create|list|revoke}. */
final class Keys {

    private static final String ROW = "%-16s  %-20s  %-20s  %-8s  %-24s  %s%n";

    static final Set<String> OPTIONS = Set.of("account", "project", "region", "scopes", "data-dir", "config");

    private Keys() {
    }

    static int run(CommandLine line, ServerSettings settings, PrintStream out) {
        String action = line.word(1);
        if (!List.of("create", "list", "revoke").contains(action)) {
            throw new CommandLine.UsageError("keys needs create, list or revoke\n\n" + Main.KEYS_USAGE);
        }
        switch (action) {
            case "create" -> {
                IssueApiKeyCommand command = new IssueApiKeyCommand(
                        new Tenant(line.required("account"), line.required("project")),
                        line.flags().getOrDefault("region", settings.region()), scopes(line));
                KeyView key = with(settings, keys -> keys.issue(command));
                out.printf("Created API key %s for account %s, project %s, region %s%n", key.id(), key.account(),
                        key.project(), key.region());
                out.printf("Scopes: %s%n", String.join(" ", key.scopes()));
                out.println("Send it as the x-api-key header. It is shown only once:");
                out.println(key.token());
            }
            case "list" -> {
                List<KeyView> all = with(settings, KeyAdministration::list);
                out.printf(ROW, "ID", "ACCOUNT", "PROJECT", "REGION", "CREATED", "SCOPES / REVOKED");
                for (KeyView key : all) {
                    out.printf(ROW, key.id(), key.account(), key.project(), key.region(), key.createdAt(),
                            key.revokedAt() != null ? "revoked " + key.revokedAt() : String.join(" ", key.scopes()));
                }
            }
            default -> {
                if (line.word(2).isEmpty()) {
                    throw new CommandLine.UsageError("keys revoke needs the key id (see keys list)");
                }
                ApiKeyId id = new ApiKeyId(line.word(2));
                KeyView key = with(settings, keys -> keys.revoke(id));
                out.printf("Revoked API key %s (account %s, project %s) at %s%n", key.id(), key.account(),
                        key.project(), key.revokedAt());
            }
        }
        return 0;
    }

    private static Set<Scope> scopes(CommandLine line) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Optional.ofNullable(line.flags().get("scopes")).ifPresent(list -> Arrays.stream(list.split(","))
                .map(String::trim).filter(name -> !name.isEmpty())
                .forEach(name -> scopes.add(Scope.fromWire(name, "--scopes"))));
        return scopes;
    }

    private static <T> T with(ServerSettings settings, Function<KeyAdministration, T> action) {
        try (KeyAdministration keys = administration(settings)) {
            return action.apply(keys);
        }
    }

    /** Through the server that holds the embedded database, if one runs; otherwise directly. */
    private static KeyAdministration administration(ServerSettings settings) {
        if (settings.embedded()) {
            Optional<AdminAccess> running = AdminAccess.find(settings.dataDir()).filter(RemoteKeys::answers);
            if (running.isPresent()) {
                return new RemoteKeys(running.get());
            }
        }
        try {
            return new DirectKeys(settings);
        } catch (RuntimeException cannotOpen) {
            if (settings.embedded() && String.valueOf(rootCause(cannotOpen).getMessage()).contains("lock")) {
                throw new IllegalStateException("the database in " + settings.dataDir()
                        + " is held by another process that does not answer as a Handoff server; stop it first",
                        cannotOpen);
            }
            throw cannotOpen;
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
