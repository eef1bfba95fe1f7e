package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.SecretsManagerStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/** The emulator spoken to by the real AWS SDK client and our SecretsManagerStore, as the functions do. */
class LocalSecretsManagerTest {
    private static SecretsManagerClient client(LocalSecretsManager manager) {
        return AwsClients.secretsManager(new AwsConfig(LocalResources.REGION, Optional.empty(), Optional.empty(),
                Optional.of(manager.endpoint())));
    }

    @Test
    void aPutCreatesThenRenewsAndReadsFollowByNameOrArn() {
        try (var manager = LocalSecretsManager.start(Optional.empty(), LocalResources.REGION, LocalResources.ACCOUNT_ID, Clock.systemUTC());
             var sdk = client(manager)) {
            var store = new SecretsManagerStore(sdk);
            store.put("local/gateways/kibera-1", "FirstSecret0123456789abcdefABCD");
            assertEquals("FirstSecret0123456789abcdefABCD", store.read("local/gateways/kibera-1"));
            store.put("local/gateways/kibera-1", "SecondSecret123456789abcdefABCD");
            var current = sdk.getSecretValue(r -> r.secretId("local/gateways/kibera-1"));
            assertEquals("SecondSecret123456789abcdefABCD", current.secretString());
            assertTrue(current.arn().matches("arn:aws:secretsmanager:af-south-1:000000000000:secret:local/gateways/kibera-1-[0-9a-f]{6}"),
                    current.arn());
            assertEquals(current.secretString(), store.read(current.arn()));
            assertTrue(current.versionStages().contains("AWSCURRENT"));
        }
    }

    @Test
    void absentSecretsAndDuplicateCreatesAnswerAsTheServiceDoes() {
        try (var manager = LocalSecretsManager.start(Optional.empty(), LocalResources.REGION, LocalResources.ACCOUNT_ID, Clock.systemUTC());
             var sdk = client(manager)) {
            var store = new SecretsManagerStore(sdk);
            var absent = assertThrows(ConfigException.class, () -> store.read("local/gateways/none"));
            assertTrue(absent.getMessage().contains("local/gateways/none"));
            sdk.createSecret(r -> r.name("dup").secretString("a"));
            assertThrows(ResourceExistsException.class, () -> sdk.createSecret(r -> r.name("dup").secretString("b")));
            assertEquals("a", store.read("dup"));
        }
    }

    @Test
    void withADataDirectorySecretsOutliveARestartInAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
        try (var manager = LocalSecretsManager.start(Optional.of(dir), LocalResources.REGION, LocalResources.ACCOUNT_ID, Clock.systemUTC());
             var sdk = client(manager)) {
            new SecretsManagerStore(sdk).put("local/gateways/kept", "KeptSecret");
        }
        Path file = dir.resolve(LocalSecretsManager.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var manager = LocalSecretsManager.start(Optional.of(dir), LocalResources.REGION, LocalResources.ACCOUNT_ID, Clock.systemUTC());
             var sdk = client(manager)) {
            assertEquals("KeptSecret", new SecretsManagerStore(sdk).read("local/gateways/kept"));
        }
    }
}
