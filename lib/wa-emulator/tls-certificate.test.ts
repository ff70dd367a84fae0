import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSelfSignedCertificate } from "@/lib/wa-emulator/tls-certificate";

describe("createSelfSignedCertificate", () => {
  // The serial is random: a non-minimal INTEGER made about one certificate in 256 unreadable,
  // so enough of them are parsed that such a bug cannot hide.
  it("makes certificates OpenSSL parses, whatever the random serial", () => {
    for (let i = 0; i < 1500; i++) {
      const { certPem } = createSelfSignedCertificate({ commonName: "test", ipAddresses: ["127.0.0.1"], dnsNames: ["localhost"] });
      const cert = new X509Certificate(certPem);
      expect(cert.subjectAltName).toContain("IP Address:127.0.0.1");
    }
  });
});
