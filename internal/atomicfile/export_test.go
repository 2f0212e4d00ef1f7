package atomicfile

import (
	"syscall"
	"time"
)

// InterruptBeforeRename makes Write send SIGINT to its own process just before the
// rename, and wait until the signal is held, for TestWriteInterrupted.
func InterruptBeforeRename() {
	beforeRename = func(interrupted func() bool) {
		_ = syscall.Kill(syscall.Getpid(), syscall.SIGINT)
		for deadline := time.Now().Add(5 * time.Second); !interrupted() && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
	}
}
