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
package io.github.camelsora.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * Makes a reference image exactly the video's size, for when it is not: {@link Fit#CROP} scales it to cover the
 * frame and cuts the overflow evenly; {@link Fit#PAD} scales it to fit inside and fills the rest with black. The
 * result is a PNG. The image is only decoded after {@link ImageProbe} has checked its declared size.
 */
public final class ImageFitter {

    /** What to do with an image whose size differs from the video's. */
    public enum Fit {
        /** Refuse it (the API would reject it too), before anything is billed. */
        REJECT,
        /** Scale to cover, then cut the overflow evenly on both sides. */
        CROP,
        /** Scale to fit, then pad with black bars. */
        PAD
    }

    private ImageFitter() {
    }

    /** The image as a PNG of exactly {@code width x height}. */
    public static byte[] fit(byte[] image, ImageInfo info, int width, int height, Fit fit) throws InvalidImageException {
        if (fit == Fit.REJECT) {
            throw new IllegalArgumentException("REJECT does not resize");
        }
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException | RuntimeException e) {
            throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                    "the " + info.type() + " image cannot be decoded: " + e.getMessage());
        }
        if (source == null) {
            throw new InvalidImageException(InvalidImageException.Reason.UNSUPPORTED_FORMAT,
                    "no decoder for " + info.type() + " is installed, so the image cannot be resized; send it at the"
                                                                          + " video's size or as JPEG/PNG");
        }
        double scaleX = (double) width / source.getWidth();
        double scaleY = (double) height / source.getHeight();
        double scale = fit == Fit.CROP ? Math.max(scaleX, scaleY) : Math.min(scaleX, scaleY);
        int scaledWidth = (int) Math.round(source.getWidth() * scale);
        int scaledHeight = (int) Math.round(source.getHeight() * scale);
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(source, (width - scaledWidth) / 2, (height - scaledHeight) / 2, scaledWidth, scaledHeight, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(target, "png", png);
        } catch (IOException e) {
            throw new InvalidImageException(InvalidImageException.Reason.CORRUPT, "cannot encode PNG: " + e.getMessage());
        }
        return png.toByteArray();
    }
}
