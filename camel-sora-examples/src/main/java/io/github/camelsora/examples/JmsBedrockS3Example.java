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
package io.github.camelsora.examples;

import java.util.Properties;

import jakarta.jms.ConnectionFactory;

import io.github.camelsora.SoraComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * JMS prompts -> Amazon Bedrock async invoke (Nova Reel, {@code provider=bedrock} from the camel-sora-aws artifact)
 * -> the S3 location -> camel-aws2-s3 copies the object into the publishing bucket, as a YAML route
 * ({@code routes/jms-bedrock-s3.camel.yaml}). The video is never downloaded here: {@code downloadResult=false}.
 */
public final class JmsBedrockS3Example {

    public static final String PROMPTS_QUEUE = "bedrock.prompts";

    private JmsBedrockS3Example() {
    }

    /**
     * A started Camel context: JMS on {@code broker}, the YAML route with Bedrock at {@code bedrockBaseUrl} and S3 at
     * {@code s3Endpoint} (null for AWS's own), one AWS key for both.
     */
    public static CamelContext start(ConnectionFactory broker, String bedrockBaseUrl, String s3Endpoint,
                                     String region, String accessKey, String secretKey) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("jms", JmsComponent.jmsComponentAutoAcknowledge(broker));
        SoraComponent sora = new SoraComponent();
        // where the Bedrock provider reads results when downloading (not in this route: downloadResult=false)
        sora.getConfiguration().setStorageEndpoint(s3Endpoint);
        camel.addComponent("sora", sora);
        Properties properties = new Properties();
        properties.setProperty("bedrock.baseUrl", bedrockBaseUrl);
        properties.setProperty("aws.region", region);
        properties.setProperty("aws.accessKey", accessKey);
        properties.setProperty("aws.secretKey", secretKey);
        properties.setProperty("s3.endpoint", s3Endpoint);
        camel.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel,
                "classpath:routes/jms-bedrock-s3.camel.yaml"));
        camel.start();
        return camel;
    }
}
