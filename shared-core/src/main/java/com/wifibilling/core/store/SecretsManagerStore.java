package com.wifibilling.core.store;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.SecretStore;
import com.wifibilling.core.http.ApiException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The secret store on AWS Secrets Manager (and, locally, on the runtime's emulator of its API). A put writes a new
 * version of an existing secret, else creates it; two creators racing on one name both end with a current value,
 * the later one's.
 */
public final class SecretsManagerStore implements SecretStore {
    private final SecretsManagerClient client;

    public SecretsManagerStore(SecretsManagerClient client) {
        this.client = client;
    }

    @Override
    public String read(String id) {
        try {
            String value = client.getSecretValue(r -> r.secretId(id)).secretString();
            if (value == null) throw new ConfigException("Secret " + id + " holds no string value");
            return value;
        } catch (ResourceNotFoundException absent) {
            throw new ConfigException("Secret " + id + " does not exist in Secrets Manager");
        } catch (SdkException unavailable) {
            throw unavailable(unavailable);
        }
    }

    /** A throttle, an outage or a denied permission: the caller's request cannot be done now (503), and says nothing of the value. */
    private static ApiException unavailable(SdkException e) {
        return new ApiException(503, "SECRET_STORE_UNAVAILABLE", "Secrets Manager could not be used: " + e.getClass().getSimpleName());
    }

    @Override
    public void put(String name, String value) {
        try {
            try {
                client.putSecretValue(r -> r.secretId(name).secretString(value));
            } catch (ResourceNotFoundException absent) {
                create(name, value);
            }
        } catch (SdkException unavailable) {
            throw unavailable(unavailable);
        }
    }

    private void create(String name, String value) {
        try {
            client.createSecret(r -> r.name(name).secretString(value).description("serverless-wifi-billing"));
        } catch (ResourceExistsException createdMeanwhile) {
            client.putSecretValue(r -> r.secretId(name).secretString(value));
        }
    }
}
