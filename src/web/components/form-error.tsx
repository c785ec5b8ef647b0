import { Alert } from '@mantine/core';

/** A form's error that belongs to no single input (wrong credentials, too many attempts, network). */
export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert" title="That did not work">
      {message}
    </Alert>
  );
}
