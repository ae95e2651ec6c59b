/**
 * Is this schedule safe? Sums of the rate over a horizon and to infinity (the Robbins–Monro class), stability
 * against the curvature λmax for SGD, heavy ball, Nesterov and Adam, warmup length, batch-size rules, AdamW
 * shrinkage and a verdict. Every reported quantity carries the formula it was computed with.
 */
package dev.anneal.analysis;
