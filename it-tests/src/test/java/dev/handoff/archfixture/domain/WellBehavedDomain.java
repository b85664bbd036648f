package dev.handoff.archfixture.domain;

public record WellBehavedDomain(String name) {
}
