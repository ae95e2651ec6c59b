/**
 * Curvature from Hessian–vector products: the {@link dev.anneal.optim.curvature.Hvp} interface (exact for explicit
 * matrices, finite differences of a gradient otherwise), power iteration and Lanczos for the top eigenvalues, and
 * Hutchinson's trace estimator. Every method reports how many products it used.
 */
package dev.anneal.optim.curvature;
