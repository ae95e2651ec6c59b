/** Optimizers over {@code float[]} parameter blocks, driven by schedules per hyperparameter and group. */
package dev.anneal.optim;
