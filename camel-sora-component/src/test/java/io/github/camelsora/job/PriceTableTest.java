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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceTableTest {

    private final PriceTable defaults = PriceTable.SORA_2_DEFAULTS;

    @Test
    void listPricesOfTheSora2Family() {
        assertThat(defaults.estimate("sora-2", "1280x720", "4")).isEqualByComparingTo("0.40");
        assertThat(defaults.estimate("sora-2", "720x1280", "12")).isEqualByComparingTo("1.20");
        assertThat(defaults.estimate("sora-2-pro", "1280x720", "8")).isEqualByComparingTo("2.40");
        assertThat(defaults.estimate("sora-2-pro", "720x1280", "12")).isEqualByComparingTo("3.60");
        assertThat(defaults.estimate("sora-2-pro", "1792x1024", "12")).isEqualByComparingTo("6.00");
        assertThat(defaults.estimate("sora-2-pro", "1024x1792", "4")).isEqualByComparingTo("2.00");
    }

    @Test
    void datedSnapshotsCostWhatTheirFamilyCosts() {
        assertThat(defaults.estimate("sora-2-pro-2025-10-06", "1024x1792", "4")).isEqualByComparingTo("2.00");
        assertThat(defaults.estimate("sora-2-2025-12-08", "720x1280", "8")).isEqualByComparingTo("0.80");
    }

    @Test
    void unknownModelsAndSizesHaveNoPriceUntilConfigured() {
        assertThat(defaults.estimate("veo-3", "1280x720", "8")).isNull();
        assertThat(defaults.estimate("sora-2-pro", "640x480", "8")).isNull();
        assertThat(defaults.estimate("sora-2", "1280x720", "eight")).isNull();

        PriceTable table = PriceTable.withOverrides("veo-3=0.40, sora-2-pro:640x480=0.2,default=0.05");
        assertThat(table.estimate("veo-3", "1280x720", "8")).isEqualByComparingTo("3.20");
        assertThat(table.estimate("sora-2-pro", "640x480", "10")).isEqualByComparingTo("2");
        assertThat(table.estimate("wan-2.1", "832x480", "4")).isEqualByComparingTo("0.20");
        // overrides keep the defaults they do not replace
        assertThat(table.estimate("sora-2", "1280x720", "4")).isEqualByComparingTo("0.40");
    }

    @Test
    void overridesReplaceDefaults() {
        PriceTable table = PriceTable.withOverrides("sora-2-pro:1280x720=0.25,sora-2=0");
        assertThat(table.perSecond("sora-2-pro", "1280x720")).isEqualByComparingTo(new BigDecimal("0.25"));
        assertThat(table.estimate("sora-2", "1280x720", "20")).isEqualByComparingTo("0");
    }

    @Test
    void aMalformedEntryIsNamed() {
        assertThatThrownBy(() -> PriceTable.withOverrides("sora-2=cheap"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sora-2=cheap'");
        assertThatThrownBy(() -> PriceTable.withOverrides("sora-2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usdPerSecond");
        assertThatThrownBy(() -> PriceTable.withOverrides("sora-2=-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void marketplaceModelsArePricedPerSecondOrPerVideo() {
        assertThat(defaults.estimate("fal-ai/kling-video/v2.1/standard/text-to-video", "1280x720", "10"))
                .isEqualByComparingTo("0.56");
        // Seedance by ModelArk's token formula: 1920 x 1080 x 24 fps x 5 s / 1024 = 243,000 tokens at $2.5/M
        assertThat(defaults.estimate("seedance-1-0-pro-250528", "1920x1080", "5")).isEqualByComparingTo("0.6075");
        assertThat(defaults.estimate("seedance-1-0-lite-t2v-250428", "720x1280", "10")).isEqualByComparingTo("0.3888");
        PriceTable table = PriceTable.withOverrides("minimax/video-01=0.50/video,seedance-1-0-pro-250528:1920x1080=0.12/s");
        assertThat(table.estimate("minimax/video-01", "1280x720", "6")).isEqualByComparingTo("0.50");
        assertThat(table.perSecond("minimax/video-01", "1280x720")).isNull();
        // a Replicate version costs what its model costs
        assertThat(table.estimate("minimax/video-01:" + "a".repeat(64), "1280x720", "6")).isEqualByComparingTo("0.50");
        assertThat(table.estimate("seedance-1-0-pro-250528", "1920x1080", "5")).isEqualByComparingTo("0.60");
        // a later per-second entry replaces a per-video one
        assertThat(PriceTable.withOverrides("x/y=1/video,x/y=0.1").estimate("x/y", "1280x720", "4"))
                .isEqualByComparingTo("0.4");
        assertThatThrownBy(() -> PriceTable.withOverrides("x/y=/video")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCloudModelsHaveTheirListPrices() {
        PriceTable table = PriceTable.SORA_2_DEFAULTS;
        assertThat(table.estimate("veo-3.1-generate-preview", "1280x720", "8")).isEqualByComparingTo("3.20");
        assertThat(table.estimate("veo-3.1-generate-001", "3840x2160", "8")).isEqualByComparingTo("4.80");
        assertThat(table.estimate("veo-3.1-fast-generate-preview", "720x1280", "4")).isEqualByComparingTo("0.60");
        assertThat(table.estimate("amazon.nova-reel-v1:0", "1280x720", "6")).isEqualByComparingTo("0.48");
        assertThat(table.estimate("luma.ray-v2:0", "1280x720", "5")).isEqualByComparingTo("7.50");
        assertThat(table.estimate("luma.ray-v2:0", "540x960", "9")).isEqualByComparingTo("6.75");
        assertThat(table.estimate("veo-3.1-lite-generate-preview", "1280x720", "8")).isNull();
        // an override with a colon in the model name still parses
        assertThat(PriceTable.withOverrides("amazon.nova-reel-v1:1=0.05").estimate("amazon.nova-reel-v1:1",
                "1280x720", "6")).isEqualByComparingTo("0.30");
    }
}
