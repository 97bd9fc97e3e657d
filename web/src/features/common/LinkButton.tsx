/** A button that goes to a page of the app: a real link (it opens in a new tab too), followed without reloading. */
import { Button, type ButtonProps } from 'antd';
import { navigate } from '../../router';

export function LinkButton({ href, ...props }: Omit<ButtonProps, 'href' | 'onClick'> & { href: string }) {
  return (
    <Button
      {...props}
      href={href}
      onClick={(e) => {
        e.preventDefault();
        navigate(href);
      }}
    />
  );
}
