package dev.handoff.bench;

import dev.handoff.domain.model.Tenant;

/**
 * The tenants of a run, one per purpose, so that one measurement's handoffs never show up in
 * another's list: the expiry waves poll for their own pending handoffs only.
 */
final class Tenants {

    static final Tenant LOAD = new Tenant("BENCH", "LOAD");
    static final Tenant WAVE_OURS = new Tenant("BENCH", "WAVE-OURS");
    static final Tenant WAVE_DEFAULTS = new Tenant("BENCH", "WAVE-ENGINE-DEFAULTS");

    private Tenants() {
    }
}
