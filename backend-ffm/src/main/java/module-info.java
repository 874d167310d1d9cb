/**
 * The FFM backend of wintun4j ({@code "ffm"}): the Linux support bound to libc with
 * {@code java.lang.foreign}. Needs {@code --enable-native-access=io.github.wintun4j.ffm}.
 */
module io.github.wintun4j.ffm {
    requires io.github.wintun4j.linux;

    provides io.github.wintun4j.spi.WintunBackend with io.github.wintun4j.ffm.FfmBackend;
}
