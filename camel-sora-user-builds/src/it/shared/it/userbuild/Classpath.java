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
package it.userbuild;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The versions of the libraries camel-sora talks through, as this user build's classpath has them. */
public final class Classpath {

    private Classpath() {
    }

    public static String jacksonCore() {
        return version(() -> com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
    }

    public static String jacksonDatabind() {
        return version(() -> com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    }

    public static String jacksonAnnotations() {
        return version(() -> com.fasterxml.jackson.annotation.JsonCreator.class.getPackage().getImplementationVersion());
    }

    public static String httpcore5() {
        return version(() -> org.apache.hc.core5.http.HttpHost.class.getPackage().getImplementationVersion());
    }

    public static String httpcore5H2() {
        return version(() -> org.apache.hc.core5.http2.HttpVersionPolicy.class.getPackage().getImplementationVersion());
    }

    public static String httpclient5() {
        return version(() -> org.apache.hc.client5.http.HttpRoute.class.getPackage().getImplementationVersion());
    }

    public static String describe() {
        return "jackson-core " + jacksonCore() + ", jackson-databind " + jacksonDatabind() + ", jackson-annotations "
               + jacksonAnnotations() + ", httpcore5 " + httpcore5() + ", httpcore5-h2 " + httpcore5H2()
               + ", httpclient5 " + httpclient5();
    }

    /** Fails unless Jackson's three jars are of one line and httpcore5, httpcore5-h2 are one release. */
    public static void assertConverged() {
        List<String> problems = new ArrayList<>();
        if (!jacksonDatabind().equals(jacksonCore())) {
            problems.add("jackson-core " + jacksonCore() + " is not jackson-databind's " + jacksonDatabind());
        }
        if (!minor(jacksonDatabind()).equals(minor(jacksonAnnotations()))) {
            problems.add("jackson-annotations " + jacksonAnnotations() + " is not of jackson-databind's line "
                         + jacksonDatabind());
        }
        if (!httpcore5().equals(httpcore5H2())) {
            problems.add("httpcore5 " + httpcore5() + " is not httpcore5-h2's " + httpcore5H2());
        }
        System.out.println("[user build] " + describe());
        if (!problems.isEmpty()) {
            throw new AssertionError("Versions do not converge: " + problems + " (" + describe() + ")");
        }
    }

    private static String minor(String version) {
        String[] parts = version.split("\\.");
        return parts[0] + "." + parts[1];
    }

    private static String version(Supplier<String> lookup) {
        try {
            String version = lookup.get();
            return version == null ? "unknown" : version;
        } catch (LinkageError e) {
            return "missing";
        }
    }
}
