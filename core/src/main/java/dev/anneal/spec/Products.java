package dev.anneal.spec;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.schedule.Product;
import dev.anneal.schedule.Scaled;
import dev.anneal.schedule.Schedule;

/** The {@code *} of the spec language on bound factors: numbers fold, a number scales a schedule, two schedules multiply. */
public final class Products {
    private Products() {}

    /** {@code left * right}, each a {@link Double} or a {@link Schedule}: a Double if both are numbers, else a Schedule. */
    public static Object times(Object left, Object right) {
        return switch (left) {
            case Double x when right instanceof Double y -> x * y;
            case Double x -> new Scaled(x, (Schedule) right);
            case Schedule s when right instanceof Double y -> new Scaled(y, s);
            case Schedule s -> new Product(s, (Schedule) right);
            default -> throw InvalidInputException.of("a factor (" + left + ") must be a number or a schedule");
        };
    }
}
