package io.jenkins.plugins.vmfork.vsphere;

/** One or more SOAP calls over a logged-in connection; may be repeated once after logging in again. */
@FunctionalInterface
interface VimCall<T> {
    T call(Connection connection) throws Exception;
}
