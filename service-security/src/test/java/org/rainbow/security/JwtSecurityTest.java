package org.rainbow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production mode: JWTs checked by Spring's resource server. The issuer's key is a PEM file here (Boot's
 * {@code public-key-location}); in a cluster it is the issuer's JWK set, which no test can reach offline.
 */
@SpringBootTest(classes = SecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rainbow.security.mode=jwt")
class JwtSecurityTest {

    private static final KeyPair ISSUER = rsaKeys();
    private static final KeyPair STRANGER = rsaKeys();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void issuerKey(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("issuer", ".pub");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        pem.toFile().deleteOnExit();
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Test
    void aTokenSignedByTheIssuerIsLetThrough() throws Exception {
        assertStatus(send(jwt(ISSUER, Instant.now().plusSeconds(300))), 200);
    }

    @Test
    void anExpiredOrForeignTokenIsA401() throws Exception {
        assertStatus(send(jwt(ISSUER, Instant.now().minusSeconds(300))), 401);
        assertStatus(send(jwt(STRANGER, Instant.now().plusSeconds(300))), 401);
        assertStatus(send(StaticTokenSecurityTest.TOKEN), 401);
    }

    private HttpResponse<String> send(String token) {
        return new SecurityClient(port).send("POST", "/api/v1/things", "Bearer " + token);
    }

    private static String jwt(KeyPair key, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("ci-pipeline").issueTime(new Date()).expirationTime(Date.from(expires)).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertStatus(HttpResponse<String> response, int expected) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    }
}
