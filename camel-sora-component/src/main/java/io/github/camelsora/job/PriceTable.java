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
package io.github.camelsora.job;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Prices in US dollars per second of video, or per video, by model and optionally by size. A lookup tries, in order:
 * {@code model:size}, {@code model}, {@code default:size}, {@code default}; a dated snapshot such as {@code sora-2-pro-2025-10-06}
 * falls back to its family {@code sora-2-pro}, and a Replicate version {@code owner/name:<version>} to
 * {@code owner/name}. The defaults are OpenAI's published Sora 2 prices (2026): sora-2 $0.10/s; sora-2-pro $0.30/s at
 * 720x1280 and 1280x720, $0.50/s at 1024x1792, 1792x1024, 1920x1080 and 1080x1920; the list prices of Veo (Gemini
 * API, Vertex AI), Nova Reel and Luma Ray2 (Bedrock) named in {@code defaults()}; and fal's list prices of the Kling
 * models per second beyond their 5 s base (fal.ai/models/&lt;model id&gt;/llms.txt, "Pricing", 2026): Kling 2.1
 * standard $0.056/s, pro $0.098/s, master $0.28/s, Kling 2.5 turbo standard $0.042/s; and ModelArk's Seedance 1.0,
 * token-billed, per second of each resolution (see {@code defaults()}). A model without a price (Veo 3.1
 * Lite, whose price no source gave) has no estimate unless the table is extended.
 * <p>
 * Overrides are written {@code key=usdPerSecond} or {@code key=usd/video} separated by commas, e.g.
 * {@code sora-2-pro:1280x720=0.25,veo-3=0.40,minimax/video-01=0.50/video,default=0.20}; they replace or extend the
 * defaults.
 */
public final class PriceTable {

    /** The key of the price of any model the table does not name. */
    public static final String ANY_MODEL = "default";
    private static final Pattern DATED_SNAPSHOT = Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$");

    /** The Sora 2 list prices. */
    public static final PriceTable SORA_2_DEFAULTS = new PriceTable(defaults());

    private static final String PER_VIDEO = "/video";

    private final Map<String, BigDecimal> perSecond;
    /** Keys priced per video rather than per second. */
    private final java.util.Set<String> perVideo;

    private PriceTable(Map<String, BigDecimal> perSecond) {
        this(perSecond, java.util.Set.of());
    }

    private PriceTable(Map<String, BigDecimal> prices, java.util.Set<String> perVideo) {
        this.perSecond = Map.copyOf(prices);
        this.perVideo = java.util.Set.copyOf(perVideo);
    }

    private static Map<String, BigDecimal> defaults() {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        prices.put("sora-2", new BigDecimal("0.10"));
        prices.put("sora-2-pro:720x1280", new BigDecimal("0.30"));
        prices.put("sora-2-pro:1280x720", new BigDecimal("0.30"));
        prices.put("sora-2-pro:1024x1792", new BigDecimal("0.50"));
        prices.put("sora-2-pro:1792x1024", new BigDecimal("0.50"));
        prices.put("sora-2-pro:1920x1080", new BigDecimal("0.50"));
        prices.put("sora-2-pro:1080x1920", new BigDecimal("0.50"));
        // Veo, Gemini API and Vertex AI list prices per second (ai.google.dev/gemini-api/docs/pricing,
        // cloud.google.com/vertex-ai/generative-ai/pricing): Veo 3.1 and 3 $0.40 (4k $0.60), Fast $0.15, Veo 2 $0.35
        for (String veo : new String[] { "veo-3.1-generate-preview", "veo-3.1-generate-001", "veo-3.0-generate-001" }) {
            prices.put(veo, new BigDecimal("0.40"));
            prices.put(veo + ":3840x2160", new BigDecimal("0.60"));
            prices.put(veo + ":2160x3840", new BigDecimal("0.60"));
        }
        for (String fast : new String[] { "veo-3.1-fast-generate-preview", "veo-3.1-fast-generate-001",
                                          "veo-3.0-fast-generate-001" }) {
            prices.put(fast, new BigDecimal("0.15"));
        }
        prices.put("veo-2.0-generate-001", new BigDecimal("0.35"));
        // Amazon Bedrock on-demand prices per second (aws.amazon.com/bedrock/pricing): Nova Reel $0.08 (720p, 24 fps),
        // Luma Ray2 $1.50 at 720p and $0.75 at 540p
        prices.put("amazon.nova-reel-v1:0", new BigDecimal("0.08"));
        prices.put("amazon.nova-reel-v1:1", new BigDecimal("0.08"));
        for (String size : new String[] { "1280x720", "720x1280", "720x720" }) {
            prices.put("luma.ray-v2:0:" + size, new BigDecimal("1.50"));
        }
        for (String size : new String[] { "960x540", "540x960", "540x540" }) {
            prices.put("luma.ray-v2:0:" + size, new BigDecimal("0.75"));
        }
        for (String mode : new String[] { "text-to-video", "image-to-video" }) {
            prices.put("fal-ai/kling-video/v2.1/standard/" + mode, new BigDecimal("0.056"));
            prices.put("fal-ai/kling-video/v2.1/pro/" + mode, new BigDecimal("0.098"));
            prices.put("fal-ai/kling-video/v2.1/master/" + mode, new BigDecimal("0.28"));
            prices.put("fal-ai/kling-video/v2.5-turbo/standard/" + mode, new BigDecimal("0.042"));
        }
        // BytePlus ModelArk bills Seedance by tokens, tokens = width x height x 24 fps x seconds / 1024
        // (docs.byteplus.com ModelArk "Pricing", token-based video billing), at $2.5 (1.0 pro) and $1.8 (1.0 lite) per
        // million tokens (unit prices from a third-party price list): per second of 1080p, 720p and 480p
        String[][] seedance = { { "seedance-1-0-pro-250528", "0.1215", "0.054", "0.0243" },
                                { "seedance-1-0-lite-t2v-250428", "0.08748", "0.03888", "0.017496" },
                                { "seedance-1-0-lite-i2v-250428", "0.08748", "0.03888", "0.017496" } };
        for (String[] model : seedance) {
            for (String size : new String[] { "1920x1080", "1080x1920" }) {
                prices.put(model[0] + ":" + size, new BigDecimal(model[1]));
            }
            for (String size : new String[] { "1280x720", "720x1280" }) {
                prices.put(model[0] + ":" + size, new BigDecimal(model[2]));
            }
            for (String size : new String[] { "864x480", "480x864" }) {
                prices.put(model[0] + ":" + size, new BigDecimal(model[3]));
            }
        }
        return prices;
    }

    /**
     * A provider's table: its profile's list prices (the Sora 2 prices when it has none, as the Sora gateways charge
     * OpenAI's), with {@code overrides} applied.
     */
    public static PriceTable forProvider(Map<String, BigDecimal> listPrices, String overrides) {
        if (listPrices == null || listPrices.isEmpty()) {
            return withOverrides(overrides);
        }
        return new PriceTable(listPrices).with(overrides);
    }

    /**
     * The default table with {@code overrides} applied.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code key=number} with a non-negative number
     */
    public static PriceTable withOverrides(String overrides) {
        return SORA_2_DEFAULTS.with(overrides);
    }

    private PriceTable with(String overrides) {
        if (overrides == null || overrides.isBlank()) {
            return this;
        }
        // over this table: a provider's list prices stay, the overrides change or add entries
        Map<String, BigDecimal> prices = new LinkedHashMap<>(perSecond);
        java.util.Set<String> perVideo = new java.util.HashSet<>(this.perVideo);
        for (String entry : overrides.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String key = eq < 0 ? "" : entry.substring(0, eq).trim();
            BigDecimal price;
            String value = eq < 0 ? "" : entry.substring(eq + 1).trim();
            boolean video = value.endsWith(PER_VIDEO);
            if (video) {
                value = value.substring(0, value.length() - PER_VIDEO.length()).trim();
            } else if (value.endsWith("/s")) {
                value = value.substring(0, value.length() - 2).trim();
            }
            try {
                price = eq < 0 ? null : new BigDecimal(value);
            } catch (NumberFormatException e) {
                price = null;
            }
            if (key.isEmpty() || price == null || price.signum() < 0) {
                throw new IllegalArgumentException("Invalid price table entry '" + entry.trim()
                                                   + "': expected model[:WIDTHxHEIGHT]=usdPerSecond or =usd/video (model may be default), e.g. sora-2=0.10");
            }
            prices.put(key, price);
            if (video) {
                perVideo.add(key);
            } else {
                perVideo.remove(key);
            }
        }
        return new PriceTable(prices, perVideo);
    }

    /** The price per second for a model and size, or {@code null} when the table has none (or prices it per video). */
    public BigDecimal perSecond(String model, String size) {
        String key = key(model, size);
        return key == null || perVideo.contains(key) ? null : perSecond.get(key);
    }

    /** The key of the entry that prices a model and size, or {@code null}. */
    private String key(String model, String size) {
        String key = lookup(model, size);
        if (key == null && model != null) {
            String family = DATED_SNAPSHOT.matcher(model).replaceFirst("");
            if (!family.equals(model)) {
                key = lookup(family, size);
            }
        }
        if (key == null && model != null && model.indexOf('/') > 0 && model.indexOf(':') > model.indexOf('/')) {
            key = lookup(model.substring(0, model.indexOf(':')), size); // Replicate's owner/name:<version>
        }
        if (key == null && perSecond.containsKey(ANY_MODEL + ":" + size)) {
            key = ANY_MODEL + ":" + size;
        }
        return key != null ? key : perSecond.containsKey(ANY_MODEL) ? ANY_MODEL : null;
    }

    private String lookup(String model, String size) {
        if (perSecond.containsKey(model + ":" + size)) {
            return model + ":" + size;
        }
        return perSecond.containsKey(model) ? model : null;
    }

    /**
     * The estimated cost in US dollars of a clip, rounded to the cent's hundredth, or {@code null} when the model
     * and size have no price or, priced per second, {@code seconds} is not a number.
     */
    public BigDecimal estimate(String model, String size, String seconds) {
        String key = key(model, size);
        if (key == null) {
            return null;
        }
        BigDecimal price = perSecond.get(key);
        if (perVideo.contains(key)) {
            return price.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        if (seconds == null) {
            return null;
        }
        try {
            return price.multiply(new BigDecimal(seconds.trim())).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
