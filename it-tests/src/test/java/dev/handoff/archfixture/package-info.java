/**
 * A miniature hexagon that breaks each architecture rule once, on purpose, so that the rules are
 * shown to catch what they claim to. Test sources only; never part of the product.
 */
package dev.handoff.archfixture;
