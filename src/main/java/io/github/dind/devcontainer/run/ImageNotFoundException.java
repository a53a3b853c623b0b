package io.github.dind.devcontainer.run;

/** The daemon has no image by that name. */
public final class ImageNotFoundException extends ContainerEngineException {
    private static final long serialVersionUID = 1L;
    private final String image;

    public ImageNotFoundException(String image, String host, Throwable cause) {
        super("The image " + image + " is not on the Docker daemon at " + host, host, cause);
        this.image = image;
    }

    public String image() {
        return image;
    }
}
