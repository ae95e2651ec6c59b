package dev.anneal.lab;

/**
 * A study's verdict before its methods changed (issue 15: paired tests, equal budgets, fair arms), and one line on
 * why the new verdict differs. The report shows it while the two differ.
 */
public record Previous(Verdict verdict, String why) {}
