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
package io.github.camelsora;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks at component start that the libraries the component talks through are mutually compatible on this
 * classpath, and fails with the artifacts to fix instead of a {@code NoSuchMethodError} in the middle of a job.
 * Maven's nearest-wins can pick, for example, jackson-core 2.16.1 (through Vert.x in camel-platform-http-main)
 * beside jackson-databind 2.19.4: databind then calls {@code JsonParser.getNumberTypeFP()}, which 2.16 lacks, and
 * every JSON document with a decimal number fails. The rules are a pure function of the versions
 * ({@link #problems}), so they are tested without building broken classpaths.
 */
final class ClasspathCheck {

    /** What this component is built and tested with; older minor versions of the core libraries are refused. */
    static final String BUILT_WITH_JACKSON = "2.19";
    static final String BUILT_WITH_HTTPCORE5 = "5.3";

    private ClasspathCheck() {
    }

    /** httpcore5 is there, but its jar does not say its version (a repackaged jar): its version is not checked. */
    static final String UNKNOWN = "unknown";

    /**
     * The versions found on a classpath; null where a library is missing or its version is unknown, except httpcore5:
     * null when missing, {@link #UNKNOWN} when present without a version.
     */
    record Versions(String jacksonCore, String jacksonDatabind, String jacksonAnnotations,
                    String httpcore5, String httpcore5H2, String httpclient5) {
    }

    /** Fails with every problem found on the component's classpath, naming the artifacts. */
    static void verify() {
        List<String> problems = problems(found());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("camel-sora cannot start: incompatible libraries on the classpath: "
                                            + String.join(" ", problems)
                                            + " See 'Dependencies' in the camel-sora README.");
        }
    }

    /** The problems of these versions, each a sentence that names the artifacts and the fix. */
    static List<String> problems(Versions v) {
        List<String> problems = new ArrayList<>();
        if (v.jacksonDatabind() != null && v.jacksonCore() != null
            && compareMinor(v.jacksonCore(), v.jacksonDatabind()) < 0) {
            problems.add("com.fasterxml.jackson.core:jackson-core " + v.jacksonCore()
                         + " is older than com.fasterxml.jackson.core:jackson-databind " + v.jacksonDatabind()
                         + " (databind calls methods the older core lacks, e.g. JsonParser.getNumberTypeFP, and fails"
                         + " on JSON with decimal numbers); declare jackson-core " + v.jacksonDatabind()
                         + " (or import com.fasterxml.jackson:jackson-bom " + v.jacksonDatabind() + ").");
        }
        // up to Jackson 2.19 jackson-annotations followed databind's minor version; from 2.20 it is versioned on its
        // own (no patch level) and any 2.20+ annotations serve later 2.x databinds (Jackson 2.20 release notes)
        String annotationsNeeded = v.jacksonDatabind() == null || compareMinor(v.jacksonDatabind(), "2.20") < 0
                ? v.jacksonDatabind() : "2.20";
        if (v.jacksonDatabind() != null && v.jacksonAnnotations() != null
            && compareMinor(v.jacksonAnnotations(), annotationsNeeded) < 0) {
            problems.add("com.fasterxml.jackson.core:jackson-annotations " + v.jacksonAnnotations()
                         + " is older than com.fasterxml.jackson.core:jackson-databind " + v.jacksonDatabind()
                         + "; declare jackson-annotations of the databind's version (or import"
                         + " com.fasterxml.jackson:jackson-bom " + v.jacksonDatabind() + ").");
        }
        if (v.jacksonDatabind() != null && compareMinor(v.jacksonDatabind(), BUILT_WITH_JACKSON) < 0) {
            problems.add("com.fasterxml.jackson.core:jackson-databind " + v.jacksonDatabind()
                         + " is older than the " + BUILT_WITH_JACKSON + ".x camel-sora is built with; declare"
                         + " jackson-databind, jackson-core and jackson-annotations " + BUILT_WITH_JACKSON
                         + ".x or newer.");
        }
        if (v.httpcore5() == null) {
            problems.add("org.apache.httpcomponents.core5:httpcore5 is missing (HttpClient 5 needs it); add"
                         + " httpcore5 " + BUILT_WITH_HTTPCORE5 + ".x.");
        } else if (!UNKNOWN.equals(v.httpcore5())) {
            String needed = neededHttpcore5(v.httpclient5());
            if (compareMinor(v.httpcore5(), needed) < 0) {
                problems.add("org.apache.httpcomponents.core5:httpcore5 " + v.httpcore5() + " is older than the "
                             + needed + ".x that org.apache.httpcomponents.client5:httpclient5 "
                             + (v.httpclient5() == null ? "" : v.httpclient5() + " ") + "needs; declare httpcore5"
                             + " and httpcore5-h2 " + needed + ".x.");
            }
            if (v.httpcore5H2() != null && compareMinor(v.httpcore5H2(), v.httpcore5()) != 0) {
                problems.add("org.apache.httpcomponents.core5:httpcore5-h2 " + v.httpcore5H2()
                             + " is not of the line of org.apache.httpcomponents.core5:httpcore5 " + v.httpcore5()
                             + "; declare both at the same version.");
            }
        }
        return problems;
    }

    /** The httpcore5 minor an httpclient5 release is built on (5.4 and 5.5: 5.3); unknown or newer: ours. */
    static String neededHttpcore5(String httpclient5) {
        if (httpclient5 == null) {
            return BUILT_WITH_HTTPCORE5;
        }
        String minor = minor(httpclient5);
        return switch (minor) {
            case "5.0", "5.1" -> minor;
            case "5.2", "5.3" -> "5.2";
            default -> BUILT_WITH_HTTPCORE5;
        };
    }

    /** Compares the major.minor of two versions such as 2.19.4, 2.21 or 5.3.6. */
    static int compareMinor(String a, String b) {
        int[] x = majorMinor(a);
        int[] y = majorMinor(b);
        return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
    }

    private static String minor(String version) {
        int[] v = majorMinor(version);
        return v[0] + "." + v[1];
    }

    private static int[] majorMinor(String version) {
        String[] parts = version.trim().split("[.\\-]");
        return new int[] {number(parts[0]), parts.length > 1 ? number(parts[1]) : 0};
    }

    private static int number(String part) {
        int end = 0;
        while (end < part.length() && Character.isDigit(part.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(part.substring(0, end));
    }

    /** The versions on this component's classpath. */
    static Versions found() {
        return new Versions(
                version(() -> com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString()),
                version(() -> com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()),
                version(() -> com.fasterxml.jackson.annotation.JsonCreator.class.getPackage().getImplementationVersion()),
                version(() -> org.apache.hc.core5.http.HttpHost.class.getPackage().getImplementationVersion(), UNKNOWN),
                version(() -> org.apache.hc.core5.http2.HttpVersionPolicy.class.getPackage().getImplementationVersion()),
                version(() -> org.apache.hc.client5.http.HttpRoute.class.getPackage().getImplementationVersion()));
    }

    private static String version(Supplier<String> lookup) {
        return version(lookup, null);
    }

    /** The version, or {@code unknown} when the class is there without one, or null when the class is missing. */
    private static String version(Supplier<String> lookup, String unknown) {
        try {
            String version = lookup.get();
            return version == null || version.isBlank() ? unknown : version;
        } catch (LinkageError e) {
            return null; // the class is missing
        } catch (RuntimeException e) {
            return unknown; // no package information
        }
    }
}
