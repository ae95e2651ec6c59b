/**
 * Numerical tools the seed chapters use on loss curves and step-size studies: Richardson extrapolation,
 * least-squares lines with confidence intervals, and exponential peeling. JDK only.
 */
package dev.anneal.numeric;
