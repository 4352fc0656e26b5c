package io.github.camelsora.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application whose only configuration of camel-sora is application.yaml. */
@SpringBootApplication
public class VideoStudioApplication {

    public static void main(String[] args) {
        SpringApplication.run(VideoStudioApplication.class, args);
    }
}
