package dev.anneal.cli;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Vector graphics that keep known strings as text. XChart draws every string as the filled outline of its glyphs,
 * so an SVG it writes holds no text to search, select or read aloud. Here a filled shape that is the outline of one
 * of the given strings, moved or turned, is drawn as that string instead, which the SVG writer emits as
 * {@code <text>}. Other shapes (tick labels, whose strings are not known in advance, included) are drawn as given.
 */
final class SvgTextGraphics extends VectorGraphics2D {
    /** Largest distance, in pixels, between a point of the drawn shape and the mapped point of a string's outline. */
    private static final double SLACK = 1e-3;

    /** A shape's points (x, y, x, y, …) and segment types, in path order. */
    private record Outline(float[] points, int[] segments) {
        static Outline of(Shape shape) {
            float[] points = new float[64], coords = new float[6];
            int[] segments = new int[16];
            int p = 0, s = 0;
            for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
                int type = it.currentSegment(coords);
                if (s == segments.length) segments = Arrays.copyOf(segments, 2 * s);
                segments[s++] = type;
                int count = switch (type) {
                    case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 2;
                    case PathIterator.SEG_QUADTO -> 4;
                    case PathIterator.SEG_CUBICTO -> 6;
                    default -> 0;
                };
                if (p + count > points.length) points = Arrays.copyOf(points, 2 * points.length);
                System.arraycopy(coords, 0, points, p, count);
                p += count;
            }
            return new Outline(Arrays.copyOf(points, p), Arrays.copyOf(segments, s));
        }
    }

    private record Known(String text, Font font, Outline outline) {}

    private final List<Known> known = new ArrayList<>();

    /** {@code texts}: each string with the font the chart draws it in. */
    SvgTextGraphics(Map<String, Font> texts) {
        texts.forEach((text, font) -> {
            if (text.isBlank()) return;
            known.add(new Known(text, font, Outline.of(new TextLayout(text, font, getFontRenderContext()).getOutline(null))));
        });
    }

    @Override
    public void fill(Shape shape) {
        Outline drawn = Outline.of(shape);
        for (Known k : known) {
            Optional<AffineTransform> placement = placement(k.outline(), drawn);
            if (placement.isPresent()) {
                AffineTransform saved = getTransform();
                Font savedFont = getFont();
                transform(placement.get());
                setFont(k.font());
                drawString(k.text(), 0f, 0f);
                setTransform(saved);
                setFont(savedFont);
                return;
            }
        }
        super.fill(shape);
    }

    /** The affine map that takes a string's outline point by point onto the drawn shape, if there is one. */
    private static Optional<AffineTransform> placement(Outline text, Outline drawn) {
        if (!Arrays.equals(text.segments(), drawn.segments()) || text.points().length != drawn.points().length) {
            return Optional.empty();
        }
        int[] frame = frame(text.points());
        if (frame == null) return Optional.empty();
        try {
            AffineTransform map = basis(drawn.points(), frame);
            map.concatenate(basis(text.points(), frame).createInverse());
            double[] mapped = new double[text.points().length];
            map.transform(text.points(), 0, mapped, 0, mapped.length / 2);
            for (int i = 0; i < mapped.length; i++) {
                if (Math.abs(mapped[i] - drawn.points()[i]) > SLACK) return Optional.empty();
            }
            return Optional.of(map);
        } catch (NoninvertibleTransformException e) {
            return Optional.empty();
        }
    }

    /** Three points of the outline far from lying on one line: the first, the farthest from it, and the farthest from both. */
    private static int[] frame(float[] p) {
        int n = p.length / 2, a = 0, b = 0, c = 0;
        double best = 0;
        for (int i = 1; i < n; i++) {
            double d = Math.hypot(p[2 * i] - p[0], p[2 * i + 1] - p[1]);
            if (d > best) {
                best = d;
                b = i;
            }
        }
        best = 0;
        for (int i = 1; i < n; i++) {
            double cross = Math.abs((p[2 * b] - p[0]) * (p[2 * i + 1] - p[1]) - (p[2 * b + 1] - p[1]) * (p[2 * i] - p[0]));
            if (cross > best) {
                best = cross;
                c = i;
            }
        }
        return best > 1 ? new int[] {a, b, c} : null;
    }

    /** The map from the unit frame onto the three given points. */
    private static AffineTransform basis(float[] p, int[] frame) {
        int a = 2 * frame[0], b = 2 * frame[1], c = 2 * frame[2];
        return new AffineTransform(p[b] - p[a], p[b + 1] - p[a + 1], p[c] - p[a], p[c + 1] - p[a + 1], p[a], p[a + 1]);
    }
}
