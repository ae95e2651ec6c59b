package example;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExampleTest {
    @Test
    void trainingLowersTheLoss_andPrintsTheScheduledRate() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Double> losses = Example.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");

        assertEquals(Example.STEPS, lines.length);
        // the first loss is mean((2x + 1)^2) over x = 0..3 with zero weights: (1 + 9 + 25 + 49) / 4
        assertEquals(21.0, losses.getFirst(), 1e-6);
        assertTrue(losses.getLast() < losses.getFirst() / 4, "loss falls: " + losses);
        // warm-up: lr 0 at step 0, 0.05 at step 1, then the cosine starts at 0.1
        assertEquals("step  0  lr 0.00000  loss 21.00000", lines[0]);
        assertTrue(lines[1].startsWith("step  1  lr 0.05000"), lines[1]);
        assertTrue(lines[2].startsWith("step  2  lr 0.10000"), lines[2]);
    }
}
