package dev.handoff.endtoend;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** API keys made the way an operator makes them: {@code bin/handoff keys create}. */
final class Keys {

    private Keys() {
    }

    /** The key printed alone on the last line of the command's output. */
    static String create(Path dataDir, Map<String, String> environment, String account, String project,
                         String... scopes) {
        List<String> command = new java.util.ArrayList<>(List.of("keys", "create", "--data-dir", dataDir.toString(),
                "--account", account, "--project", project));
        if (scopes.length > 0) {
            command.add("--scopes");
            command.add(String.join(",", scopes));
        }
        List<String> output = ServerProcess.run(environment, command.toArray(String[]::new));
        return output.get(output.size() - 1);
    }
}
