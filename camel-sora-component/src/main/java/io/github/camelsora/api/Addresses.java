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
package io.github.camelsora.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Classifies hosts and addresses for the transport rules (loopback may use http; fetches avoid internal ones). */
final class Addresses {

    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private Addresses() {
    }

    /**
     * Whether a URI host names this machine without asking DNS: {@code localhost}, {@code *.localhost}, or an IP
     * literal in 127.0.0.0/8 or {@code ::1}. A DNS name that happens to resolve to 127.0.0.1 does not count.
     */
    static boolean isLoopbackHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        InetAddress literal = literal(name);
        return literal != null && literal.isLoopbackAddress();
    }

    /** The address an IP literal host names, or {@code null} when the host is a DNS name. */
    static InetAddress literal(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4_LITERAL.matcher(name).matches() && !name.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(name); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * Whether an address is reachable only from inside: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
     * link-local (169.254/16, fe80::/10, where cloud metadata lives), carrier-grade NAT (100.64/10), wildcard,
     * multicast, or an IPv4-mapped IPv6 form of any of them.
     */
    static boolean isInternal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
        }
        if (address instanceof Inet4Address v4) {
            byte[] b = v4.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || (first == 100 && second >= 64 && second < 128)) {
                return true; // "this network" 0/8 and carrier-grade NAT 100.64/10
            }
        }
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
               || address.isAnyLocalAddress() || address.isMulticastAddress();
    }
}
