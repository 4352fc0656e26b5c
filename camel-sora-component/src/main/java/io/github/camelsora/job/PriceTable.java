package io.github.camelsora.job;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Prices in US dollars per second of video, by model and optionally by size. A lookup tries, in order:
 * {@code model:size}, {@code model}, {@code default:size}, {@code default}; a dated snapshot such as {@code sora-2-pro-2025-10-06}
 * falls back to its family {@code sora-2-pro}. The defaults are OpenAI's published Sora 2 prices (2026): sora-2
 * $0.10/s; sora-2-pro $0.30/s at 720x1280 and 1280x720, $0.50/s at 1024x1792, 1792x1024, 1920x1080 and 1080x1920.
 * <p>
 * Overrides are written {@code key=usdPerSecond} separated by commas, e.g.
 * {@code sora-2-pro:1280x720=0.25,veo-3=0.40,default=0.20}; they replace or extend the defaults.
 */
public final class PriceTable {

    /** The key of the price of any model the table does not name. */
    public static final String ANY_MODEL = "default";
    private static final Pattern DATED_SNAPSHOT = Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$");

    /** The Sora 2 list prices. */
    public static final PriceTable SORA_2_DEFAULTS = new PriceTable(defaults());

    private final Map<String, BigDecimal> perSecond;

    private PriceTable(Map<String, BigDecimal> perSecond) {
        this.perSecond = Map.copyOf(perSecond);
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
        Map<String, BigDecimal> prices = new LinkedHashMap<>(perSecond);
        for (String entry : overrides.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String key = eq < 0 ? "" : entry.substring(0, eq).trim();
            BigDecimal price;
            try {
                price = eq < 0 ? null : new BigDecimal(entry.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                price = null;
            }
            if (key.isEmpty() || price == null || price.signum() < 0) {
                throw new IllegalArgumentException("Invalid price table entry '" + entry.trim()
                                                   + "': expected model[:WIDTHxHEIGHT]=usdPerSecond (model may be default), e.g. sora-2=0.10");
            }
            prices.put(key, price);
        }
        return new PriceTable(prices);
    }

    /** The price per second for a model and size, or {@code null} when the table has none. */
    public BigDecimal perSecond(String model, String size) {
        BigDecimal price = lookup(model, size);
        if (price == null && model != null) {
            String family = DATED_SNAPSHOT.matcher(model).replaceFirst("");
            if (!family.equals(model)) {
                price = lookup(family, size);
            }
        }
        if (price == null) {
            price = perSecond.get(ANY_MODEL + ":" + size);
        }
        return price != null ? price : perSecond.get(ANY_MODEL);
    }

    private BigDecimal lookup(String model, String size) {
        BigDecimal price = perSecond.get(model + ":" + size);
        return price != null ? price : perSecond.get(model);
    }

    /**
     * The estimated cost in US dollars of a clip, rounded to the cent's hundredth, or {@code null} when the model
     * and size have no price or {@code seconds} is not a number.
     */
    public BigDecimal estimate(String model, String size, String seconds) {
        BigDecimal price = perSecond(model, size);
        if (price == null || seconds == null) {
            return null;
        }
        try {
            return price.multiply(new BigDecimal(seconds.trim())).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
