// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo.osgi;

import io.github.wintun4j.demo.DemoOptions;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configuration of the demo component, checked: the backend to run on and the options of the
 * example. Immutable.
 *
 * @param backend the {@code wintun4j.backend} of the driver to use, or {@code ""} for the highest ranked
 * @param options the example's options
 */
record DemoSettings(String backend, DemoOptions options) {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    /**
     * @param config the component's configuration
     * @return the settings
     * @throws IllegalArgumentException naming the property that is wrong and why
     */
    static DemoSettings of(DemoComponent.Config config) {
        String address = config.address().trim();
        int slash = address.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("address '" + address + "' needs a prefix length, such as 10.6.7.7/24");
        }
        int prefixLength;
        try {
            prefixLength = Integer.parseInt(address.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address '" + address + "' has no prefix length after the /");
        }
        DemoOptions options = DemoOptions.example()
                .withAdapterName(config.adapterName())
                .withAddresses(ipv4("address", address.substring(0, slash)), prefixLength,
                        ipv4("peerAddress", config.peerAddress()))
                .withCapacity(config.capacity())
                .withReplyLimit(config.count())
                .withPcap(pcap(config.pcap()));
        return new DemoSettings(config.backend().trim(), options);
    }

    /** A capture file must be absolute: a framework's working directory is nobody's choice. */
    private static Path pcap(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        Path file;
        try {
            file = Path.of(trimmed);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("pcap '" + trimmed + "' is not a file name: " + e.getReason());
        }
        if (!file.isAbsolute()) {
            throw new IllegalArgumentException("pcap '" + trimmed + "' must be an absolute path");
        }
        return file;
    }

    /** Parses dotted decimal only: never a host name, so never a DNS lookup. */
    private static Inet4Address ipv4(String property, String text) {
        Matcher matcher = IPV4.matcher(text.trim());
        byte[] bytes = new byte[4];
        boolean valid = matcher.matches();
        for (int i = 0; valid && i < 4; i++) {
            int octet = Integer.parseInt(matcher.group(i + 1));
            valid = octet <= 255;
            bytes[i] = (byte) octet;
        }
        if (!valid) {
            throw new IllegalArgumentException(property + " '" + text + "' is not an IPv4 address such as 10.6.7.8");
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }
}
