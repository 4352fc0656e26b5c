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
package io.github.camelsora;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelsora.job.JobMonitor;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/** {@code sora}: the video jobs in flight, oldest first, with their age, status and progress. */
@DevConsole(name = "sora", displayName = "Sora", description = "Video jobs in flight")
public class SoraDevConsole extends AbstractDevConsole {

    public SoraDevConsole() {
        super("camel", "sora", "Sora", "Video jobs in flight");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        List<JobMonitor.TrackedJob> jobs = jobs();
        StringBuilder text = new StringBuilder();
        text.append("Jobs in flight: ").append(jobs.size()).append('\n');
        for (JobMonitor.TrackedJob job : jobs) {
            text.append(String.format("    %s  %-11s %3d %%  age %ds  %s %s %ss%s%n", job.videoId(), job.status(),
                    job.progress(), job.age().toSeconds(), job.model(), job.size(), job.seconds(),
                    job.estimatedCost() == null ? "" : "  $" + job.estimatedCost().toPlainString()));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> list = new ArrayList<>();
        for (JobMonitor.TrackedJob job : jobs()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("videoId", job.videoId());
            entry.put("model", job.model());
            entry.put("size", job.size());
            entry.put("seconds", job.seconds());
            entry.put("status", job.status());
            entry.put("progress", job.progress());
            entry.put("submittedAt", job.submittedAt().toString());
            entry.put("ageMillis", job.age().toMillis());
            BigDecimal cost = job.estimatedCost();
            if (cost != null) {
                entry.put("estimatedCost", cost.doubleValue());
            }
            list.add(new JsonObject(entry));
        }
        root.put("inFlight", list);
        return root;
    }

    private List<JobMonitor.TrackedJob> jobs() {
        if (getCamelContext() == null || getCamelContext().hasComponent("sora") == null) {
            return List.of();
        }
        return ((SoraComponent) getCamelContext().getComponent("sora")).tracker().inFlight();
    }
}
