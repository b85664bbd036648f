package dev.handoff.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The words and {@code --flags} of one {@code bin/handoff} invocation. */
record CommandLine(List<String> words, Map<String, String> flags, boolean help) {

    /** Flags that take no value. */
    private static final Set<String> SWITCHES = Set.of("help");

    static CommandLine parse(String... args) {
        List<String> words = new ArrayList<>();
        Map<String, String> flags = new HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("help")) {
                help = true;
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    flags.put(name.substring(0, equals), name.substring(equals + 1));
                } else if (SWITCHES.contains(name)) {
                    flags.put(name, "true");
                } else if (i + 1 < args.length) {
                    flags.put(name, args[++i]);
                } else {
                    throw new UsageError("--" + name + " needs a value");
                }
            } else {
                words.add(arg);
            }
        }
        return new CommandLine(List.copyOf(words), Map.copyOf(flags), help);
    }

    String word(int index) {
        return index < words.size() ? words.get(index) : "";
    }

    /** Refuses flags the command does not know, so that a typo is not silently ignored. */
    CommandLine allowing(Set<String> known) {
        for (String flag : flags.keySet()) {
            if (!known.contains(flag)) {
                throw new UsageError("unknown option --" + flag);
            }
        }
        return this;
    }

    String required(String flag) {
        String value = flags.get(flag);
        if (value == null || value.isBlank()) {
            throw new UsageError("--" + flag + " is required");
        }
        return value;
    }

    /** Something wrong with how the command was called; the message says what. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
