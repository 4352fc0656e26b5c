/*
 * Copyright 2026 The camel-sora Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelsora.simulator.media;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws one frame of a simulated clip with Java2D: a prompt-dependent gradient, the prompt word-wrapped in the
 * middle and a time indicator with a progress bar at the bottom, so that consecutive frames differ visibly.
 * Pure function of its arguments: the same inputs always give the same pixels (tests rely on that).
 */
final class FramePainter {

    private static final String TITLE = "camel-sora simulator";
    private static final int MIN_FONT_SIZE = 10;

    private FramePainter() {
    }

    /**
     * Paints frame {@code frameIndex} (0-based, one frame per second of the clip) into a new image.
     * TYPE_3BYTE_BGR because that is what JCodec's AWT bridge converts fastest to YUV.
     */
    static BufferedImage paint(int width, int height, String prompt, int frameIndex, int totalFrames) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            paintBackground(g, width, height, prompt);
            int shortSide = Math.min(width, height);
            int margin = Math.max(8, shortSide / 14);
            paintTitle(g, width, margin, shortSide);
            int footerTop = paintFooter(g, width, height, margin, shortSide, frameIndex, totalFrames);
            paintPrompt(g, width, margin, footerTop, shortSide, prompt);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A hue derived from the prompt so different prompts give visibly different clips. */
    private static void paintBackground(Graphics2D g, int width, int height, String prompt) {
        float hue = Math.floorMod(prompt.hashCode(), 360) / 360f;
        Color top = Color.getHSBColor(hue, 0.55f, 0.40f);
        Color bottom = Color.getHSBColor((hue + 0.12f) % 1f, 0.65f, 0.12f);
        g.setPaint(new GradientPaint(0, 0, top, 0, height, bottom));
        g.fillRect(0, 0, width, height);
    }

    private static void paintTitle(Graphics2D g, int width, int margin, int shortSide) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(MIN_FONT_SIZE, shortSide / 32)));
        g.setColor(new Color(255, 255, 255, 170));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(TITLE, (width - fm.stringWidth(TITLE)) / 2, margin + fm.getAscent());
    }

    /** Draws "0:03 / 0:08" and a progress bar; returns the y where the footer starts. */
    private static int paintFooter(Graphics2D g, int width, int height, int margin, int shortSide,
                                   int frameIndex, int totalFrames) {
        int barHeight = Math.max(4, shortSide / 60);
        int barY = height - margin - barHeight;
        int barWidth = width - 2 * margin;
        g.setColor(new Color(255, 255, 255, 60));
        g.fillRect(margin, barY, barWidth, barHeight);
        g.setColor(new Color(255, 200, 60));
        g.fillRect(margin, barY, (int) ((long) barWidth * (frameIndex + 1) / totalFrames), barHeight);

        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(MIN_FONT_SIZE, shortSide / 24)));
        FontMetrics fm = g.getFontMetrics();
        String time = clock(frameIndex) + " / " + clock(totalFrames);
        String counter = "frame " + (frameIndex + 1) + "/" + totalFrames;
        int textY = barY - fm.getDescent() - barHeight;
        g.setColor(Color.WHITE);
        g.drawString(time, margin, textY);
        g.drawString(counter, width - margin - fm.stringWidth(counter), textY);
        return textY - fm.getAscent() - barHeight;
    }

    private static String clock(int seconds) {
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** Word-wraps the prompt, shrinking the font until it fits between title and footer. */
    private static void paintPrompt(Graphics2D g, int width, int margin, int bottom, int shortSide, String prompt) {
        int top = margin + shortSide / 10;
        int available = Math.max(1, bottom - top);
        int maxLineWidth = width - 2 * margin;
        String text = prompt.isBlank() ? "(empty prompt)" : prompt.strip();

        int fontSize = Math.max(MIN_FONT_SIZE, shortSide / 14);
        List<String> lines;
        FontMetrics fm;
        while (true) {
            g.setFont(new Font(Font.SERIF, Font.PLAIN, fontSize));
            fm = g.getFontMetrics();
            lines = wrap(text, fm, maxLineWidth);
            if (lines.size() * fm.getHeight() <= available || fontSize <= MIN_FONT_SIZE) {
                break;
            }
            fontSize = Math.max(MIN_FONT_SIZE, fontSize * 9 / 10);
        }
        int maxLines = Math.max(1, available / fm.getHeight());
        if (lines.size() > maxLines) {
            lines = new ArrayList<>(lines.subList(0, maxLines));
            lines.set(maxLines - 1, ellipsize(lines.get(maxLines - 1), fm, maxLineWidth));
        }
        int y = top + (available - lines.size() * fm.getHeight()) / 2 + fm.getAscent();
        for (String line : lines) {
            int x = (width - fm.stringWidth(line)) / 2;
            g.setColor(new Color(0, 0, 0, 120)); // soft shadow keeps text readable on any hue
            g.drawString(line, x + 2, y + 2);
            g.setColor(Color.WHITE);
            g.drawString(line, x, y);
            y += fm.getHeight();
        }
    }

    /** Greedy word wrap; words longer than a line are broken by character. */
    static List<String> wrap(String text, FontMetrics fm, int maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (fm.stringWidth(candidate) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // the word alone may still be too wide: split it
                for (int i = 0; i < word.length(); i++) {
                    if (line.length() > 0 && fm.stringWidth(line.toString() + word.charAt(i)) > maxWidth) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.append(word.charAt(i));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String ellipsize(String line, FontMetrics fm, int maxWidth) {
        String result = line;
        while (!result.isEmpty() && fm.stringWidth(result + "\u2026") > maxWidth) {
            result = result.substring(0, result.length() - 1);
        }
        return result + "\u2026";
    }
}
