package io.github.dind.devcontainer;

/** A parameter whose value breaks a rule: names the parameter, quotes the value, states the rule. */
public final class InvalidSettingException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String value;

    /**
     * @param parameter the plugin parameter's name, e.g. {@code repeat}
     * @param value the value given (null when none was)
     * @param rule what the value must be, as a phrase: {@code "must be at least 1"}
     */
    public InvalidSettingException(String parameter, Object value, String rule) {
        super(setting(parameter) + (value == null ? "" : " " + Printable.quote(String.valueOf(value))) + " " + rule);
        this.parameter = parameter;
        this.value = value == null ? null : String.valueOf(value);
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }
}
