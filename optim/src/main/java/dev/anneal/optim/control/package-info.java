/**
 * Closed-loop learning-rate controllers with explicit state: reduce-on-plateau, a gradient-norm brake and a
 * curvature-adaptive rate, composed with a schedule by {@link dev.anneal.optim.control.Controlled}. Every change
 * is a {@link dev.anneal.control.Decision} with its reason; states save to JSON and restore exactly.
 */
package dev.anneal.optim.control;
