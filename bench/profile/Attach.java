import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent into a running JVM with its options exactly as given: {@code jcmd PID
 * JVMTI.agent_load} splits them at their "=" signs, which async-profiler's options are full of.
 * Usage: {@code java bench/profile/Attach.java PID LIBRARY OPTIONS}.
 */
public final class Attach {
    private Attach() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java bench/profile/Attach.java PID LIBRARY OPTIONS");
            System.exit(2);
        }
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
