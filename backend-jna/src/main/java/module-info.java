/**
 * The JNA backend of wintun4j ({@code "jna"}): the Linux support bound to libc with JNA direct
 * mapping, for Java 17 and later.
 */
module io.github.wintun4j.jna {
    requires io.github.wintun4j.linux;
    requires com.sun.jna;

    provides io.github.wintun4j.spi.WintunBackend with io.github.wintun4j.jna.JnaBackend;
}
