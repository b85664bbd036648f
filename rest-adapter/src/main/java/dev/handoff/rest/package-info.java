/**
 * The REST adapter: the seeds' Handoffs API ({@code /api/handoffs}) and handoff-state API
 * ({@code /v1/{account_id}/{project_id}/handoff_state}) as Jakarta REST resources on Jersey, with
 * the {@code x-api-key} filter, strict JSON reading, {@code application/problem+json} errors and the
 * OpenAPI document. {@link dev.handoff.rest.HandoffRestApi} is the only entry point; everything else
 * is package-private and talks to the domain through its use cases only, never its ports.
 */
package dev.handoff.rest;
