package dev.handoff.server;

import dev.handoff.domain.model.ApiKeyId;
import dev.handoff.domain.port.in.IssueApiKeyCommand;

import java.util.List;

/** Issuing, listing and revoking keys — in the database directly, or through the running server. */
interface KeyAdministration extends AutoCloseable {

    KeyView issue(IssueApiKeyCommand command);

    List<KeyView> list();

    KeyView revoke(ApiKeyId id);

    @Override
    void close();
}
