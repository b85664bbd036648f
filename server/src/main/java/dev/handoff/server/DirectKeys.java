package dev.handoff.server;

import dev.handoff.domain.model.ApiKeyId;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.Transition;
import dev.handoff.domain.port.in.IssueApiKeyCommand;
import dev.handoff.domain.port.in.ManageApiKeys;
import dev.handoff.domain.port.out.HandoffProcess;
import dev.handoff.domain.service.HandoffSettings;
import dev.handoff.persistence.HandoffPersistence;

import java.util.List;

/** Key administration straight in the database, when no server holds it. */
final class DirectKeys implements KeyAdministration {

    private final HandoffPersistence persistence;
    private final ManageApiKeys keys;

    DirectKeys(ServerSettings settings) {
        this.persistence = HandoffPersistence.open(HandoffNode.persistenceSettings(settings));
        this.keys = HandoffEmbedding.application(persistence, new NoProcess(), HandoffSettings.DEFAULTS)
                .manageApiKeys();
    }

    @Override
    public KeyView issue(IssueApiKeyCommand command) {
        ManageApiKeys.IssuedApiKey issued = keys.issue(command);
        return KeyView.of(issued.key(), issued.token());
    }

    @Override
    public List<KeyView> list() {
        return keys.list().stream().map(key -> KeyView.of(key, null)).toList();
    }

    @Override
    public KeyView revoke(ApiKeyId id) {
        return KeyView.of(keys.revoke(id), null);
    }

    @Override
    public void close() {
        persistence.close();
    }

    /** Key commands never touch handoffs, so they run without the engine. */
    private static final class NoProcess implements HandoffProcess {
        @Override
        public void start(Handoff handoff) {
            throw new IllegalStateException("key administration does not run handoff processes");
        }

        @Override
        public void signal(Transition transition) {
            throw new IllegalStateException("key administration does not run handoff processes");
        }
    }
}
