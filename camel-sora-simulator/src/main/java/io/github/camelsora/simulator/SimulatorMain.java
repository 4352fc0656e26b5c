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
package io.github.camelsora.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar camel-sora-simulator.jar --port 8089 --render-time 5s --api-key sk-sim}.
 * Prints the base URL on standard output, then serves until the process is killed.
 */
public final class SimulatorMain {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar camel-sora-simulator.jar [options]",
            "  --port N             port to listen on (default 8089; 0 = any free port)",
            "  --bind ADDRESS       address to bind (default 127.0.0.1)",
            "  --api-key KEY        bearer key clients must send (default sk-sim)",
            "  --dialect NAME       the server to imitate: openai (default), azure, litellm, cometapi, sglang, vllm,",
            "                       openrouter, merge, newapi, bifrost, inworld",
            "  --render-time T      time from create to completed: 5s, 500ms, 2m, PT5S (default 5s)",
            "  --poll-after-ms N    send openai-poll-after-ms: N on non-terminal retrieves",
            "  --render-jitter F    vary each job's render time by up to F either way: 0.2 or 20% (default 0)",
            "  --video-bytes M=N    jobs whose prompt contains M serve an MP4 padded to N bytes (N: 1073741824, 1g, 512m)",
            "  --http-threads N     HTTP worker threads (default 8)",
            "  --no-draw-prompt     share media per size and length instead of drawing each prompt",
            "  --cache-dir DIR      keep rendered media in DIR (default: a temporary directory)",
            "  --webhook-url URL    POST signed video.completed/video.failed events to URL",
            "  --webhook-secret S   the signing secret of those events (whsec_<base64> or text)",
            "  --help               show this help");

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SoraSimulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (builder == null) {
            System.out.println(USAGE);
            return;
        }
        SoraSimulator simulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "sora-sim-shutdown"));
        System.out.println(simulator.baseUrl());
        System.out.flush();
        stopped.await();
    }

    /** @return the configured builder, or null when help was asked for */
    static SoraSimulator.Builder parse(String[] args) {
        SoraSimulator.Builder builder = SoraSimulator.builder().port(8089);
        String webhookUrl = null;
        String webhookSecret = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--no-draw-prompt" -> builder.drawPrompt(false);
                case "--port" -> builder.port(parseInt(arg, value != null ? value : next(args, ++i, arg)));
                case "--bind" -> builder.bindAddress(value != null ? value : next(args, ++i, arg));
                case "--api-key" -> builder.apiKey(value != null ? value : next(args, ++i, arg));
                case "--dialect" -> builder.dialect(Dialect.valueOf(
                        (value != null ? value : next(args, ++i, arg)).toUpperCase(java.util.Locale.ROOT)));
                case "--render-time" -> builder.renderTime(parseDuration(value != null ? value : next(args, ++i, arg)));
                case "--poll-after-ms" -> builder.pollAfterMs((long) parseInt(arg, value != null ? value : next(args, ++i, arg)));
                case "--render-jitter" -> builder.renderTimeJitter(parseFraction(arg, value != null ? value : next(args, ++i, arg)));
                case "--video-bytes" -> {
                    String rule = value != null ? value : next(args, ++i, arg);
                    int separator = rule.lastIndexOf('=');
                    if (separator <= 0) {
                        throw new IllegalArgumentException("--video-bytes needs MARKER=BYTES, e.g. [big]=1g");
                    }
                    builder.videoBytesWhenPromptContains(rule.substring(0, separator), parseBytes(rule.substring(separator + 1)));
                }
                case "--http-threads" -> builder.httpThreads(parseInt(arg, value != null ? value : next(args, ++i, arg)));
                case "--cache-dir" -> builder.cacheDir(Path.of(value != null ? value : next(args, ++i, arg)));
                case "--webhook-url" -> webhookUrl = value != null ? value : next(args, ++i, arg);
                case "--webhook-secret" -> webhookSecret = value != null ? value : next(args, ++i, arg);
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        if ((webhookUrl == null) != (webhookSecret == null)) {
            throw new IllegalArgumentException("--webhook-url and --webhook-secret go together");
        }
        return builder.webhook(webhookUrl, webhookSecret);
    }

    /** Accepts {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601 {@code PT5S}. */
    static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("pt") || value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1).trim()) * 1000));
            }
            if (value.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1).trim()) * 60);
            }
            if (value.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1).trim()));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid duration '" + text + "': use e.g. 5s, 500ms, 2m or PT5S");
        }
    }

    /** {@code 0.2} or {@code 20%}. */
    static double parseFraction(String option, String text) {
        String value = text.trim();
        try {
            double fraction = value.endsWith("%")
                    ? Double.parseDouble(value.substring(0, value.length() - 1).trim()) / 100
                    : Double.parseDouble(value);
            if (fraction < 0 || fraction >= 1) {
                throw new IllegalArgumentException("Invalid fraction for " + option + ": " + text + " (use 0..0.99 or 0%..99%)");
            }
            return fraction;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid fraction for " + option + ": " + text);
        }
    }

    /** A byte count: {@code 1073741824}, {@code 1g}, {@code 512m}, {@code 64k} (binary units). */
    static long parseBytes(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (value.endsWith("k") || value.endsWith("m") || value.endsWith("g")) {
            unit = switch (value.charAt(value.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                default -> 1L << 30;
            };
            value = value.substring(0, value.length() - 1).trim();
        }
        try {
            long bytes = Math.multiplyExact(Long.parseLong(value), unit);
            if (bytes <= 0) {
                throw new IllegalArgumentException("Invalid byte count: " + text);
            }
            return bytes;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("Invalid byte count: " + text + " (use e.g. 1073741824, 1g or 512m)");
        }
    }

    private static String next(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException("Missing value for " + option);
        }
        return args[index];
    }

    private static int parseInt(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid number for " + option + ": " + value);
        }
    }
}
